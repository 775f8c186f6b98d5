import Hummingbird
import Testing
@testable import PteroSim

/// 0.7's throttles (app/Http/Kernel.php@v0.7.19): `throttle:120,1` first in the application
/// group and `throttle:60,1` first in the client group, before any key is read, so they
/// count one bucket per IP; `utilization` adds `throttle:15,1` after the key, per user.
@Suite struct Pterodactyl07ThrottleTests {
    static var limited: SimulatorOptions {
        var options = SimulatorOptions.pterodactyl07()
        options.rateLimits = RateLimitOptions(windowSeconds: 60)
        return options
    }

    @Test func bothAPIsAndAllKeysCountIntoOneBucketPerIP() async throws {
        try await withSim(Self.limited) { sim in
            let (_, otherKey) = sim.ownedServer()
            // 40 application requests, then client requests from another user's key.
            for _ in 0..<40 { _ = try await sim.app(.get, "/locations") }
            let client = try await sim.user(.get, "", key: otherKey)
            #expect(client.header("X-RateLimit-Limit") == "60")
            #expect(client.header("X-RateLimit-Remaining") == "19")
            for _ in 0..<19 { _ = try await sim.user(.get, "") }
            let refused = try await sim.user(.get, "", key: otherKey)
            #expect(refused.status == 429)
            #expect(refused.errorCode == "ThrottleRequestsException")
            #expect(refused.header("Retry-After") != nil)
            // The application API compares the same count with 120: 60 counted, this is the 61st.
            let application = try await sim.app(.get, "/locations")
            #expect(application.status == 200)
            #expect(application.header("X-RateLimit-Limit") == "120")
            #expect(application.header("X-RateLimit-Remaining") == "59")
        }
    }

    @Test func theThrottleComesBeforeTheKey() async throws {
        try await withSim(Self.limited) { sim in
            let anonymous = try await sim.request(.get, "/api/application/users", key: nil)
            #expect(anonymous.status == 401)
            #expect(anonymous.header("X-RateLimit-Remaining") == "119")
            for _ in 0..<119 { _ = try await sim.request(.get, "/api/application/users", key: "bad") }
            // Even the admin's key is refused now: the bucket is the IP's.
            let refused = try await sim.app(.get, "/users")
            #expect(refused.status == 429)
            // An unknown route is answered before any throttle.
            let unrouted = try await sim.app(.get, "/nodes/1/configuration")
            #expect(unrouted.status == 404)
            #expect(unrouted.header("X-RateLimit-Limit") == nil)
        }
    }

    @Test func utilizationAllows15AMinutePerUser() async throws {
        try await withSim(Self.limited) { sim in
            let (server, key) = sim.ownedServer()
            var statuses: [Int] = []
            for _ in 0..<16 { statuses.append(try await sim.user(.get, "/servers/\(server.identifier)/utilization", key: key).status) }
            #expect(statuses == Array(repeating: 200, count: 15) + [429])
            // Another route of the same user is still within the group's 60.
            do { let check = try await sim.user(.get, "/servers/\(server.identifier)", key: key).status == 200; #expect(check) }
            // Another user's utilization has its own 15.
            let (other, otherKey) = sim.ownedServer { $0.ownerId != server.ownerId }
            do { let check = try await sim.user(.get, "/servers/\(other.identifier)/utilization", key: otherKey).status == 200; #expect(check) }
        }
    }
}
