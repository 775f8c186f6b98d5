import Testing
@testable import PteroSim

@Suite struct RateLimitTests {
    static func limited(app: Int, client: Int, window: Double = 60) -> SimulatorOptions {
        var options = SimulatorOptions.testing()
        options.rateLimits = RateLimitOptions(application: app, client: client, windowSeconds: window)
        return options
    }

    @Test func headersCountDownThen429() async throws {
        try await withSim(Self.limited(app: 3, client: 100)) { sim in
            var remaining: [String?] = []
            for _ in 0..<3 {
                let result = try await sim.app(.get, "/locations")
                #expect(result.header("X-RateLimit-Limit") == "3")
                remaining.append(result.header("X-RateLimit-Remaining"))
            }
            #expect(remaining == ["2", "1", "0"])
            let refused = try await sim.app(.get, "/locations")
            #expect(refused.status == 429)
            #expect(refused.errorCode == "ThrottleRequestsException")
            #expect(refused.errorDetail == "Too Many Attempts.")
            #expect((1...60).contains(Int(refused.header("Retry-After") ?? "") ?? 0))
            #expect(refused.header("X-RateLimit-Remaining") == "0")
            #expect(Int(refused.header("X-RateLimit-Reset") ?? "") != nil)
            // The client bucket is separate.
            let check1 = try await sim.user(.get, "/account").status == 200
            #expect(check1)
        }
    }

    @Test func errorsAfterTheThrottleCarryHeaders() async throws {
        try await withSim(Self.limited(app: 10, client: 10)) { sim in
            let missing = try await sim.app(.get, "/users/9999")
            #expect(missing.status == 404)
            #expect(missing.header("X-RateLimit-Remaining") == "9")
        }
    }

    /// Which refusals come before the throttle (no headers, not counted) and which after, as
    /// Laravel's SortedMiddleware orders each panel's route middleware (`MiddlewareOrder`).
    @Test(arguments: [false, true]) func refusalsBeforeAndAfterTheThrottle(pelican: Bool) async throws {
        var options = Self.limited(app: 10, client: 10)
        if pelican { options.dialect = .pelican }
        try await withSim(options) { sim in
            let (plainUser, otherServer) = sim.state { state -> (Int, String) in
                let user = state.sortedValues(state.users).first { !$0.rootAdmin }!
                let foreign = state.sortedValues(state.servers).first { server in
                    server.ownerId != user.id && !state.subusers.values.contains { $0.serverId == server.id && $0.userId == user.id }
                }!
                return (user.id, foreign.identifier)
            }
            let key = sim.key(ofUser: plainUser)
            // AuthenticateApplicationUser: after the throttle on 1.11, before it on Pelican.
            let notAdmin = try await sim.request(.get, "/api/application/users", key: key)
            #expect(notAdmin.status == 403)
            #expect(notAdmin.errorDetail == "This account does not have permission to access the API.")
            #expect(notAdmin.header("X-RateLimit-Remaining") == (pelican ? nil : "9"))
            // The {server} binding is before the throttle on both: an unknown server is not counted.
            let unknown = try await sim.user(.get, "/servers/zzzzzzzz", key: key)
            #expect(unknown.status == 404)
            #expect(unknown.header("X-RateLimit-Remaining") == nil)
            // AuthenticateServerAccess is route middleware, after the throttle: counted.
            let foreign = try await sim.user(.get, "/servers/\(otherServer)", key: key)
            #expect(foreign.status == 404)
            #expect(foreign.header("X-RateLimit-Remaining") == (pelican ? "255" : "9"))  // Pelican: 256 a minute, whatever the options
        }
    }

    @Test func windowIsFixedFromTheFirstHitAndReopens() {
        var limiter = RateLimiter()
        #expect(limiter.hit("a", limit: 2, windowSeconds: 60, now: 1000).remaining == 1)
        #expect(limiter.hit("a", limit: 2, windowSeconds: 60, now: 1030).remaining == 0)
        let refused = limiter.hit("a", limit: 2, windowSeconds: 60, now: 1059.5)
        #expect(!refused.allowed)
        #expect(refused.retryAfter == 1)
        #expect(refused.resetAt == 1060)
        #expect(limiter.hit("b", limit: 2, windowSeconds: 60, now: 1059.5).allowed)
        let reopened = limiter.hit("a", limit: 2, windowSeconds: 60, now: 1060)
        #expect(reopened.allowed && reopened.remaining == 1)
    }

    @Test func limitsAreOffWhenDisabled() async throws {
        try await withSim { sim in
            for _ in 0..<5 {
                let result = try await sim.app(.get, "/nests")
                #expect(result.header("X-RateLimit-Limit") == nil)
            }
        }
    }

    @Test func statsCountRequestsAnd429s() async throws {
        try await withSim(Self.limited(app: 1, client: 10)) { sim in
            _ = try await sim.app(.get, "/nests")
            _ = try await sim.app(.get, "/nests")
            let stats = try await sim.request(.get, "/_sim/stats", key: sim.appKey)
            #expect(stats.json["rate_limited"]?.intValue == 1)
            #expect(stats.json["requests"]?["GET /api/application/nests"]?["429"]?.intValue == 1)
            // Both requests, unless a wall-clock minute began between them (SimulationStats below).
            let busiest = stats.json["busiest_minute"]?["application"]?["requests"]?.intValue ?? 0
            #expect((1...2).contains(busiest))
        }
    }

    /// The busiest minute is counted per wall-clock minute (unix seconds / 60), so the
    /// integration test above cannot know whether its two requests share one.
    @Test func busiestMinuteCountsRequestsPerWallClockMinute() {
        var stats = SimulationStats()
        for now in [60.0, 119.9, 120.0] { stats.record(route: "GET /x", method: "GET", path: "/x", api: "application", status: 200, now: now) }
        #expect(stats.json["busiest_minute"]?["application"]?["requests"] == .int(2))
        #expect(stats.json["busiest_minute"]?["application"]?["minute"] == .string(Timestamp.iso(60)))
    }

    /// Writes are counted by their concrete path too, so a test can tell
    /// which server a write reached; reads are not (there are too many).
    @Test func statsCountWritesByTheirPath() async throws {
        try await withSim { sim in
            let servers = try await sim.app(.get, "/servers?per_page=2")
            let ids = servers.data.compactMap { $0["attributes"]?["id"]?.intValue }
            #expect(ids.count == 2)
            _ = try await sim.app(.post, "/servers/\(ids[0])/reinstall")
            _ = try await sim.app(.post, "/servers/\(ids[0])/reinstall")
            _ = try await sim.app(.post, "/servers/\(ids[1])/reinstall")
            _ = try await sim.app(.post, "/servers/999999/reinstall")
            let stats = try await sim.request(.get, "/_sim/stats", key: sim.appKey)
            let writes = stats.json["writes"]
            #expect(writes?["POST /api/application/servers/\(ids[0])/reinstall"]?["204"]?.intValue == 2)
            #expect(writes?["POST /api/application/servers/\(ids[1])/reinstall"]?["204"]?.intValue == 1)
            #expect(writes?["POST /api/application/servers/999999/reinstall"]?["404"]?.intValue == 1)
            #expect(writes?["GET /api/application/servers"] == nil)
            #expect(stats.json["requests"]?["POST /api/application/servers/{server}/reinstall"]?["204"]?.intValue == 3)
        }
    }
}
