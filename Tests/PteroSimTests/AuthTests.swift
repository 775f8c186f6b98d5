import Testing
@testable import PteroSim

@Suite struct AuthTests {
    @Test func missingOrBadKeyIs401WithoutThrottleHeaders() async throws {
        var options = SimulatorOptions.testing()
        options.rateLimits = RateLimitOptions(application: 5, client: 5, windowSeconds: 60)
        try await withSim(options) { sim in
            for key in [nil, "ptla_short", String(sim.appKey.dropLast()) + "X"] {
                let result = try await sim.request(.get, "/api/application/users", key: key)
                #expect(result.status == 401)
                #expect(result.errorCode == "AuthenticationException")
                #expect(result.errorDetail == "Unauthenticated.")
                #expect(result.header("X-RateLimit-Limit") == nil)
            }
        }
    }

    @Test func applicationKeyOnClientApiIs403() async throws {
        try await withSim { sim in
            let result = try await sim.request(.get, "/api/client", key: sim.appKey)
            #expect(result.status == 403)
            #expect(result.errorDetail == "You are attempting to use an application API key on an endpoint that requires a client API key.")
        }
    }

    @Test func nonAdminClientKeyOnApplicationApiIs403() async throws {
        try await withSim { sim in
            let result = try await sim.request(.get, "/api/application/users", key: sim.key(ofUser: 5))
            #expect(result.status == 403)
            #expect(result.errorDetail == "This account does not have permission to access the API.")
        }
    }

    @Test func rootAdminClientKeyWorksOnApplicationApi() async throws {
        try await withSim { sim in
            let check1 = try await sim.request(.get, "/api/application/nodes", key: sim.clientKey).status == 200
            #expect(check1)
        }
    }

    @Test func readOnlyApplicationKeyCannotWriteAndIncludesBecomeNullResource() async throws {
        try await withSim { sim in
            let readOnly = sim.state { $0.sortedValues($0.apiKeys).first { $0.description == "Read-only application key" }!.token }
            let check2 = try await sim.request(.get, "/api/application/locations", key: readOnly).status == 200
            #expect(check2)
            let write = try await sim.request(.post, "/api/application/locations", key: readOnly, json: #"{"short":"zz"}"#)
            #expect(write.status == 403)
            #expect(write.errorDetail == "This action is unauthorized.")
            sim.mutate { state in
                let id = state.sortedValues(state.apiKeys).first { $0.description == "Read-only application key" }!.id
                state.apiKeys[id]?.permissions["users"] = 0
            }
            let gated = try await sim.request(.get, "/api/application/servers/1?include=user,node", key: readOnly)
            #expect(gated.attributes["relationships"]?["user"]?["object"]?.stringValue == "null_resource")
            #expect(gated.attributes["relationships"]?["user"]?["attributes"] == .null)
            #expect(gated.attributes["relationships"]?["node"]?["object"]?.stringValue == "node")
        }
    }

    @Test func clientServerAccessIs404ForStrangers() async throws {
        try await withSim { sim in
            let (server, stranger) = sim.state { state -> (String, Int) in
                let server = state.servers[1]!
                let subusers = Set(state.subusers.values.filter { $0.serverId == 1 }.map(\.userId))
                let stranger = state.users.keys.sorted().first { $0 > 2 && $0 != server.ownerId && !subusers.contains($0) }!
                return (server.identifier, stranger)
            }
            let result = try await sim.user(.get, "/servers/\(server)", key: sim.key(ofUser: stranger))
            #expect(result.status == 404)
            #expect(result.errorDetail == "The requested resource does not exist on this server.")
            let unknown = try await sim.user(.get, "/servers/zzzzzzzz")
            #expect(unknown.status == 404)
        }
    }
}
