/// Counters behind `GET /_sim/stats`: what a client run did to the panel.
struct SimulationStats: Sendable {
    var requestsByRoute: [String: [Int: Int]] = [:]
    var throttled = 0
    var total = 0
    /// Requests per API per wall-clock minute (minute = unix seconds / 60).
    var perMinute: [String: [Int: Int]] = [:]

    mutating func record(route: String, api: String?, status: Int, now: Double) {
        total += 1
        requestsByRoute[route, default: [:]][status, default: 0] += 1
        if status == 429 { throttled += 1 }
        if let api { perMinute[api, default: [:]][Int(now) / 60, default: 0] += 1 }
    }

    var json: JSONValue {
        let routes = requestsByRoute.keys.sorted().map { route in
            (route, JSONValue.object(requestsByRoute[route]!.keys.sorted().map { (String($0), .int(requestsByRoute[route]![$0]!)) }))
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
            ("requests", .object(routes)),
            ("busiest_minute", .object(busiest)),
        ])
    }
}
