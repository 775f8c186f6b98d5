import Hummingbird
import Testing
@testable import PteroSim

/// The 0.7 transformers' attributes, its pagination and search, the command's 412 and
/// the utilization answer (app/Transformers/Api/*/ and the controllers at v0.7.19).
@Suite struct Pterodactyl07AnswerTests {
    @Test func serverHasPackNoStatusAndABooleanInstalled() async throws {
        try await withSim(.pterodactyl07()) { sim in
            let server = sim.ownedServer().server
            let result = try await sim.app(.get, "/servers/\(server.id)")
            #expect(result.status == 200)
            #expect(result.json["object"]?.stringValue == "server")
            let attributes = result.attributes
            #expect(keys(attributes) == [
                "id", "external_id", "uuid", "identifier", "name", "description", "suspended", "limits", "feature_limits",
                "user", "node", "allocation", "nest", "egg", "pack", "container", "updated_at", "created_at",
            ])
            #expect(attributes["pack"] == .null)
            #expect(keys(attributes["limits"]) == ["memory", "swap", "disk", "io", "cpu"])
            #expect(keys(attributes["feature_limits"]) == ["databases", "allocations"])
            #expect(keys(attributes["container"]) == ["startup_command", "image", "installed", "environment"])
            #expect(attributes["container"]?["installed"] == .bool(true))
        }
    }

    @Test func includedObjectsAreRewrittenToo() async throws {
        try await withSim(.pterodactyl07()) { sim in
            let server = sim.ownedServer().server
            let result = try await sim.app(.get, "/servers/\(server.id)?include=node,allocations,egg")
            let relationships = result.attributes["relationships"]
            let node = relationships?["node"]?["attributes"]
            #expect(node?["uuid"] == nil)
            #expect(node?["allocated_resources"] == nil)
            #expect(node?["daemon_listen"] != nil)
            let allocation = relationships?["allocations"]?["data"]?.arrayValue?.first?["attributes"]
            #expect(keys(allocation) == ["id", "ip", "alias", "port", "assigned"])
            let egg = relationships?["egg"]?["attributes"]
            #expect(egg?["docker_images"] == nil)
            #expect(keys(egg?["config"]) == ["files", "startup", "stop", "logs", "extends"])
        }
    }

    @Test func nodeIsItsColumnsWithoutUuid() async throws {
        try await withSim(.pterodactyl07()) { sim in
            let result = try await sim.app(.get, "/nodes/1")
            #expect(keys(result.attributes) == [
                "id", "public", "name", "description", "location_id", "fqdn", "scheme", "behind_proxy", "maintenance_mode",
                "memory", "memory_overallocate", "disk", "disk_overallocate", "upload_size", "daemon_listen", "daemon_sftp",
                "daemon_base", "created_at", "updated_at",
            ])
        }
    }

    @Test func perPageIsIgnoredAndPagesAre50() async throws {
        var options = SimulatorOptions.pterodactyl07()
        options.servers = 60
        try await withSim(options) { sim in
            let result = try await sim.app(.get, "/servers?per_page=5")
            let pagination = result.json["meta"]?["pagination"]
            #expect(pagination?["per_page"] == .int(50))
            #expect(pagination?["count"] == .int(50))
            #expect(pagination?["total"] == .int(60))
            #expect(pagination?["total_pages"] == .int(2))
            let second = try await sim.app(.get, "/servers?page=2&per_page=100")
            #expect(second.data.count == 10)
        }
    }

    @Test func clientListIs15APageWithTheClientServerAttributes() async throws {
        try await withSim(.pterodactyl07()) { sim in
            // The admin owns few servers; `filter=all` lists every one of them to a root admin.
            let result = try await sim.user(.get, "?filter=all&per_page=100")
            #expect(result.status == 200)
            let pagination = result.json["meta"]?["pagination"]
            #expect(pagination?["per_page"] == .int(15))
            #expect(pagination?["total"] == .int(sim.state { $0.servers.count }))
            #expect(result.data.count == 15)
            #expect(keys(result.data.first?["attributes"]) == ["server_owner", "identifier", "uuid", "name", "description", "limits", "feature_limits"])
            #expect(keys(result.data.first?["attributes"]?["limits"]) == ["memory", "swap", "disk", "io", "cpu"])
        }
    }

    @Test func clientListFilterAllIsOnlyForAdmins() async throws {
        try await withSim(.pterodactyl07()) { sim in
            let (server, key) = sim.ownedServer()
            let owned = sim.state { state in
                let subuserOf = Set(state.subusers.values.filter { $0.userId == server.ownerId }.map(\.serverId))
                return state.servers.values.filter { $0.ownerId == server.ownerId || subuserOf.contains($0.id) }.count
            }
            #expect(owned < sim.state { $0.servers.count })
            let result = try await sim.user(.get, "?filter=all", key: key)
            #expect(result.json["meta"]?["pagination"]?["total"] == .int(owned))
        }
    }

    @Test func clientServerViewIsABareItem() async throws {
        try await withSim(.pterodactyl07()) { sim in
            let (server, key) = sim.ownedServer()
            let result = try await sim.user(.get, "/servers/\(server.identifier)", key: key)
            #expect(result.status == 200)
            #expect(keys(result.json) == ["object", "attributes"])
            #expect(result.attributes["server_owner"] == .bool(true))
            #expect(result.attributes["identifier"]?.stringValue == server.identifier)
            // 0.7 binds `{server}` by the 8-character uuidShort only.
            do { let check = try await sim.user(.get, "/servers/\(server.uuid)", key: key).status == 404; #expect(check) }
        }
    }

    @Test func searchMatchesTheSearchableColumns() async throws {
        try await withSim(.pterodactyl07()) { sim in
            let user = sim.state { state in state.users[3]! }
            let byEmail = try await sim.app(.get, "/users?search=\(user.email)")
            #expect(byEmail.data.contains { $0["attributes"]?["id"] == .int(user.id) })
            #expect(byEmail.data.count < sim.state { $0.users.count })
            let none = try await sim.app(.get, "/users?search=no-such-user-anywhere")
            #expect(none.data.isEmpty)
            #expect(none.json["meta"]?["pagination"]?["total"] == .int(0))
            // 1.x's filter[...] means nothing to 0.7: every user is listed.
            let filtered = try await sim.app(.get, "/users?filter[email]=no-such-user-anywhere")
            #expect(filtered.json["meta"]?["pagination"]?["total"] == .int(sim.state { $0.users.count }))
            let server = sim.ownedServer().server
            let byName = try await sim.app(.get, "/servers?search=\(server.identifier)")
            #expect(byName.data.contains { $0["attributes"]?["id"] == .int(server.id) })
        }
    }

    @Test func commandToAnOfflineServerIs412() async throws {
        try await withSim(.pterodactyl07()) { sim in
            let (offline, key) = sim.ownedServer { $0.power.phase == .offline }
            let refused = try await sim.user(.post, "/servers/\(offline.identifier)/command", key: key, json: #"{"command":"say hi"}"#)
            #expect(refused.status == 412)
            #expect(refused.errorCode == "PreconditionFailedHttpException")
            #expect(refused.firstError["status"]?.stringValue == "412")
            let (running, runningKey) = sim.ownedServer { $0.power.phase == .running }
            let sent = try await sim.user(.post, "/servers/\(running.identifier)/command", key: runningKey, json: #"{"command":"say hi"}"#)
            #expect(sent.status == 204)
            let invalid = try await sim.user(.post, "/servers/\(running.identifier)/command", key: runningKey, json: "{}")
            #expect(invalid.status == 422)
            #expect(invalid.firstError["source"]?["field"]?.stringValue == "command")
        }
    }

    @Test func utilizationIsTheStatsObjectOf07() async throws {
        try await withSim(.pterodactyl07()) { sim in
            let (running, key) = sim.ownedServer { $0.power.phase == .running }
            let result = try await sim.user(.get, "/servers/\(running.identifier)/utilization", key: key)
            #expect(result.status == 200)
            #expect(result.json["object"]?.stringValue == "stats")
            #expect(keys(result.attributes) == ["state", "memory", "cpu", "disk"])
            #expect(result.attributes["state"]?.stringValue == "on")
            #expect(keys(result.attributes["memory"]) == ["current", "limit"])
            #expect(keys(result.attributes["cpu"]) == ["current", "cores", "limit"])
            #expect(result.attributes["memory"]?["limit"]?.intValue == running.memory)
            let (offline, offlineKey) = sim.ownedServer { $0.power.phase == .offline }
            let off = try await sim.user(.get, "/servers/\(offline.identifier)/utilization", key: offlineKey)
            #expect(off.attributes["state"]?.stringValue == "off")
            #expect(off.attributes["memory"]?["current"]?.intValue == 0)
        }
    }

    @Test func rebuildAnswers204() async throws {
        try await withSim(.pterodactyl07()) { sim in
            do { let check = try await sim.app(.post, "/servers/1/rebuild").status == 204; #expect(check) }
            do { let check = try await sim.app(.post, "/servers/99999/rebuild").status == 404; #expect(check) }
        }
    }
}
