import Foundation
import PteroKit

/// How a write left in flight by a kill is judged on resume: the read that
/// shows whether the panel did it, and how to read its answer.
/// (A first table: server suspension and details, user creation by email;
/// the rest of the runtime's writes are judged `unknown` for now.)
struct WriteEffect: Sendable {
    enum Verdict: Sendable, Equatable {
        /// The panel shows the effect; `answer` is what the write would have
        /// answered (the object as the panel has it now), nil for a 204.
        case done(answer: Data?)
        /// The panel shows it is not done: sending it now does it once.
        case notDone
        case unknown
    }
    let probe: PanelRequest
    let judge: @Sendable (PanelResponse) -> Verdict

    static func check(for request: PanelRequest) -> WriteEffect? {
        let parts = request.path.split(separator: "/").map(String.init)
        let sent = request.body.flatMap { try? JSONSerialization.jsonObject(with: $0.data) as? [String: Any] } ?? [:]
        switch (request.method, parts.count) {
        case (.post, 5) where parts[1] == "application" && parts[2] == "servers" && (parts[4] == "suspend" || parts[4] == "unsuspend"):
            let wanted = parts[4] == "suspend"
            return WriteEffect(probe: PanelRequest(.get, "/api/application/servers/\(parts[3])")) { response in
                guard response.isSuccess, let attributes = attributes(response.body), let suspended = attributes["suspended"] as? Bool else { return .unknown }
                return suspended == wanted ? .done(answer: nil) : .notDone
            }
        case (.patch, 5) where parts[1] == "application" && parts[2] == "servers" && parts[4] == "details":
            let body = request.body?.data ?? Data()
            return WriteEffect(probe: PanelRequest(.get, "/api/application/servers/\(parts[3])")) { response in
                guard response.isSuccess, let attributes = attributes(response.body),
                      let sent = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return .unknown }
                for (field, value) in sent {
                    guard let shown = attributes[field] else { return .unknown }
                    if !same(shown, value) { return .notDone }
                }
                return .done(answer: response.body)
            }
        case (.post, 3) where parts[1] == "application" && parts[2] == "users":
            guard let email = sent["email"] as? String else { return nil }
            return WriteEffect(probe: PanelRequest(.get, "/api/application/users", query: [URLQueryItem(name: "filter[email]", value: email)])) { response in
                guard response.isSuccess, let list = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
                      let items = list["data"] as? [[String: Any]] else { return .unknown }
                let matching = items.filter { (($0["attributes"] as? [String: Any])?["email"] as? String)?.lowercased() == email.lowercased() }
                guard let item = matching.first else { return .notDone }
                return .done(answer: try? JSONSerialization.data(withJSONObject: item))
            }
        default:
            return nil
        }
    }

    /// PUT and DELETE set or remove a whole thing: sent twice, done once.
    static func isIdempotentByNature(_ request: PanelRequest) -> Bool {
        request.method == .put || request.method == .delete
    }

    private static func attributes(_ body: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["attributes"] as? [String: Any]
    }

    private static func same(_ shown: Any, _ sent: Any) -> Bool {
        if shown is NSNull || sent is NSNull { return shown is NSNull && sent is NSNull }
        return "\(shown)" == "\(sent)"
    }
}
