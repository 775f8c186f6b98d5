/// Counters behind `GET /_sim/stats`: what a client run did to the panel.
struct SimulationStats: Sendable {
    var requestsByRoute: [String: [Int: Int]] = [:]
    /// Writes by concrete `METHOD /path` and status: which object a write
    /// reached, which a route's count cannot say (two reinstalls on one
    /// route may be one server twice or two servers once).
    var writesByPath: [String: [Int: Int]] = [:]
    var throttled = 0
    var total = 0
    /// Requests per API per wall-clock minute (minute = unix seconds / 60).
    var perMinute: [String: [Int: Int]] = [:]
    /// Console commands the sim's Wings ran, by server identifier, over the
    /// socket (`send command`) and `POST .../command` alike: the websocket is
    /// no API request, so a resumed run that sent a command twice shows here.
    var consoleCommands: [String: Int] = [:]
    /// Console sockets opened, and the most open at once.
    var socketsOpened = 0
    var mostOpenSockets = 0

    mutating func record(route: String, method: String, path: String, api: String?, status: Int, now: Double) {
        total += 1
        requestsByRoute[route, default: [:]][status, default: 0] += 1
        if method != "GET" && method != "HEAD" { writesByPath[method + " " + path, default: [:]][status, default: 0] += 1 }
        if status == 429 { throttled += 1 }
        if let api { perMinute[api, default: [:]][Int(now) / 60, default: 0] += 1 }
    }

    mutating func recordSocket(openNow: Int) {
        socketsOpened += 1
        mostOpenSockets = max(mostOpenSockets, openNow)
    }

    var json: JSONValue {
        func byStatus(_ counts: [String: [Int: Int]]) -> JSONValue {
            .object(counts.sorted { $0.key < $1.key }.map { key, statuses in
                (key, JSONValue.object(statuses.sorted { $0.key < $1.key }.map { (String($0.key), .int($0.value)) }))
            })
        }
        let busiest = perMinute.keys.sorted().map { api -> (String, JSONValue) in
            let best = perMinute[api]!.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
            return (api, .object([
                ("minute", best.map { .string(Timestamp.iso($0.key * 60)) } ?? .null),
                ("requests", .int(best?.value ?? 0)),
            ]))
        }
        return .object([
            ("total_requests", .int(total)),
            ("rate_limited", .int(throttled)),
            ("requests", byStatus(requestsByRoute)),
            ("writes", byStatus(writesByPath)),
            ("busiest_minute", .object(busiest)),
            ("console_commands", .object(consoleCommands.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("sockets_opened", .int(socketsOpened)),
            ("most_open_sockets", .int(mostOpenSockets)),
        ])
    }
}
