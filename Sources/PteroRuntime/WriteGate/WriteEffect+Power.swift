import Foundation
import PteroKit
import PteroLang

/// A power signal left in flight: the server's state shows whether it
/// arrived. Wings reports `current_state` and `uptime` (milliseconds since
/// the process started) on `GET /api/client/servers/{s}/resources`
/// (pterodactyl/panel app/Http/Controllers/Api/Client/Servers/
/// ResourceUtilizationController.php, from wings' environment stats). A
/// restart leaves the state as it found it, so only its uptime tells: a
/// server that started after the signal was sent has run for less time
/// than has passed since.
extension WriteEffect {
    /// How to see a power signal sent at `sentAt` (the intent's time); nil
    /// for anything else. A restart without a send time cannot be judged.
    static func powerCheck(for request: PanelRequest, sentAt: Date?, now: Date = Date()) -> WriteEffect? {
        guard request.api == .client, request.method == .post, let write = WrittenRequest(request),
              write.segments.count == 3, write.segments[0] == "servers", write.segments[2] == "power",
              case .string(let signal)? = write.body?.value(forName: "signal") else { return nil }
        let probe = PanelRequest(.get, "/api/client/servers/\(write.segments[1])/resources")
        let elapsed = sentAt.map { now.timeIntervalSince($0) }
        switch signal {
        case "start", "stop", "kill", "restart": break
        default: return nil
        }
        if signal == "restart" && elapsed == nil { return nil }
        return WriteEffect(probe: probe) { response in
            guard let object = ProbeAnswer.item(response), case .string(let state)? = object.attributes.value(forName: "current_state") else {
                return .unknown
            }
            switch signal {
            case "start": return ["starting", "running"].contains(state) ? .done(answer: nil) : .notDone
            case "stop": return ["stopping", "offline"].contains(state) ? .done(answer: nil) : .notDone
            case "kill": return state == "offline" ? .done(answer: nil) : .notDone
            default:
                // A restart: stopping or starting now means under way; running
                // for less time than has passed since the signal means done.
                if ["starting", "stopping"].contains(state) { return .done(answer: nil) }
                guard state == "running", let elapsed,
                      case .map(let resources)? = object.attributes.value(forName: "resources"),
                      case .int(let uptime)? = resources.value(forName: "uptime"), uptime >= 0, uptime < Int.max / 2 else { return .notDone }
                return Double(uptime) / 1000 < elapsed ? .done(answer: nil) : .notDone
            }
        }
    }
}
