import Hummingbird
import Testing
@testable import PteroSim

/// Pelican's own application resources: top-level eggs, roles, mounts, database hosts.
@Suite struct PelicanResourceTests {
    /// `EggController@index`: `Egg::all()`, one unpaginated list; eggs have no nest.
    @Test func eggsAreTopLevelAndUnpaginated() async throws {
        try await withSim(.pelican()) { sim in
            let list = try await sim.app(.get, "/eggs")
            #expect(list.status == 200)
            #expect(list.json["object"]?.stringValue == "list")
            #expect(list.json["meta"] == nil)
            let count = sim.state { $0.eggs.count }
            #expect(list.data.count == count)
            let first = list.data.first?["attributes"] ?? .null
            #expect(!keys(first).contains("nest"))
            #expect(keys(first).contains("tags") && keys(first).contains("startup_commands") && keys(first).contains("icon"))
            let nestName = sim.state { state in state.nests[state.eggs[1]!.nestId]!.name }
            #expect(first["tags"]?.arrayValue?.compactMap(\.stringValue) == [nestName])
            #expect(first["startup_commands"]?["Default"]?.stringValue == first["startup"]?.stringValue)
            let one = try await sim.app(.get, "/eggs/1")
            #expect(one.attributes["id"]?.intValue == 1)
            do { let status = try await sim.app(.get, "/eggs/9999").status; #expect(status == 404) }
        }
    }

    @Test func anEggInUseCannotBeDeletedAndAnUnusedOneCan() async throws {
        try await withSim(.pelican()) { sim in
            // Two eggs no server uses: copies of egg 1 under new ids and uuids.
            sim.mutate { state in
                for id in [1001, 1002] {
                    var egg = state.eggs[1]!
                    egg.id = id
                    egg.uuid = "00000000-0000-4000-8000-00000000\(id)"
                    state.eggs[id] = egg
                }
            }
            let (used, unused, unusedUUID) = sim.state { state in
                (state.servers.values.map(\.eggId).min()!, 1001, state.eggs[1002]!.uuid)
            }
            let refused = try await sim.app(.delete, "/eggs/\(used)")
            #expect(refused.status == 400)
            #expect(refused.errorCode == "HasActiveServersException")
            #expect(refused.errorDetail == "An Egg with active servers attached to it cannot be deleted from the Panel.")
            do { let status = try await sim.app(.delete, "/eggs/\(unused)").status; #expect(status == 204) }
            do { let status = try await sim.app(.get, "/eggs/\(unused)").status; #expect(status == 404) }
            do { let status = try await sim.app(.delete, "/eggs/uuid/\(unusedUUID)").status; #expect(status == 204) }
            #expect(sim.state { state in state.eggs.values.contains { $0.uuid == unusedUUID } } == false)
        }
    }

    @Test func rolesCRUDAndTheRootAdminRoleIsFixed() async throws {
        try await withSim(.pelican()) { sim in
            let list = try await sim.app(.get, "/roles")
            #expect(list.data.map { $0["attributes"]?["name"]?.stringValue } == ["Root Admin"])
            #expect(list.json["meta"]?["pagination"]?["per_page"]?.intValue == 10)
            let missing = try await sim.app(.post, "/roles", json: "{}")
            #expect(missing.status == 422)
            #expect(missing.errorDetail == "The name field is required.")
            let created = try await sim.app(.post, "/roles", json: #"{"name":"Support"}"#)
            #expect(created.status == 201)
            #expect(keys(created.attributes) == ["id", "name", "created_at", "updated_at"])
            let id = created.attributes["id"]?.intValue ?? 0
            #expect(created.json["meta"]?["resource"]?.stringValue?.hasSuffix("/api/application/roles/\(id)") == true)
            let renamed = try await sim.app(.patch, "/roles/\(id)", json: #"{"name":"Helpers"}"#)
            #expect(renamed.attributes["name"]?.stringValue == "Helpers")
            let filtered = try await sim.app(.get, "/roles?filter[name]=help")
            #expect(filtered.data.count == 1)
            // RoleController throws a plain PanelException for Root Admin: 500 outside debug mode.
            for refused in [try await sim.app(.patch, "/roles/1", json: #"{"name":"x"}"#), try await sim.app(.delete, "/roles/1")] {
                #expect(refused.status == 500 && refused.errorCode == "PanelException")
            }
            do { let status = try await sim.app(.delete, "/roles/\(id)").status; #expect(status == 204) }
            do { let status = try await sim.app(.get, "/roles/\(id)").status; #expect(status == 404) }
        }
    }

    @Test func mountsCRUDAndTheirAttachments() async throws {
        try await withSim(.pelican()) { sim in
            let seeded = try await sim.app(.get, "/mounts")
            #expect(seeded.data.count == 1)
            #expect(keys(seeded.data[0]["attributes"]) == ["id", "uuid", "name", "description", "source", "target", "read_only", "user_mountable"])
            let invalid = try await sim.app(.post, "/mounts", json: #"{"name":"x","source":"/a"}"#)
            #expect(invalid.status == 422)
            #expect(invalid.errors.compactMap { $0["detail"]?.stringValue } == [
                "The name must be at least 2 characters.", "The target field is required.",
            ])
            let created = try await sim.app(.post, "/mounts", json: #"{"name":"configs","source":"/srv/configs","target":"/mnt/configs","read_only":true}"#)
            #expect(created.status == 201)
            #expect(created.attributes["read_only"]?.boolValue == true)
            #expect(created.attributes["user_mountable"]?.boolValue == false)
            let id = created.attributes["id"]?.intValue ?? 0
            let duplicate = try await sim.app(.post, "/mounts", json: #"{"name":"configs","source":"/a","target":"/b"}"#)
            #expect(duplicate.errorDetail == "The name has already been taken.")
            let server = sim.ownedServer().server
            let badServers = try await sim.app(.post, "/mounts/\(id)/servers", json: #"{"servers":[99999]}"#)
            #expect(badServers.status == 422)
            #expect(badServers.errorDetail == "The selected servers is invalid.")
            let attached = try await sim.app(.post, "/mounts/\(id)/servers", json: #"{"servers":[\#(server.id),\#(server.id)]}"#)
            #expect(attached.status == 200)
            let servers = try await sim.app(.get, "/mounts/\(id)/servers")
            #expect(servers.data.map { $0["attributes"]?["id"]?.intValue } == [server.id])
            // A mount with servers cannot be deleted.
            let refused = try await sim.app(.delete, "/mounts/\(id)")
            #expect(refused.status == 400)
            #expect(refused.errorDetail == "A mount must have no servers attached to it in order to be deleted.")
            do { let status = try await sim.app(.delete, "/mounts/\(id)/servers/\(server.id)").status; #expect(status == 204) }
            do { let status = try await sim.app(.post, "/mounts/\(id)/nodes", json: #"{"nodes":[1]}"#).status; #expect(status == 200) }
            let nodes = try await sim.app(.get, "/mounts/\(id)/nodes")
            #expect(nodes.data.map { $0["attributes"]?["id"]?.intValue } == [1])
            let included = try await sim.app(.get, "/mounts/\(id)?include=nodes,eggs")
            #expect(included.attributes["relationships"]?["nodes"]?["data"]?.arrayValue?.map { $0["attributes"]?["id"]?.intValue } == [1])
            #expect(included.attributes["relationships"]?["eggs"]?["data"]?.arrayValue?.isEmpty == true)
            // The node inside is Pelican's too.
            #expect(included.attributes["relationships"]?["nodes"]?["data"]?.arrayValue?.first?["attributes"]?["tags"] != nil)
            let updated = try await sim.app(.patch, "/mounts/\(id)", json: #"{"name":"configs","source":"/srv/c2","target":"/mnt/c2"}"#)
            #expect(updated.attributes["source"]?.stringValue == "/srv/c2")
            do { let status = try await sim.app(.delete, "/mounts/\(id)").status; #expect(status == 204) }
        }
    }

    @Test func databaseHostsCRUD() async throws {
        try await withSim(.pelican()) { sim in
            let list = try await sim.app(.get, "/database-hosts")
            #expect(list.status == 200)
            #expect(list.json["meta"]?["pagination"]?["per_page"]?.intValue == 10)
            let first = list.data.first?["attributes"] ?? .null
            #expect(keys(first) == ["id", "name", "host", "port", "username", "created_at", "updated_at"])
            let invalid = try await sim.app(.post, "/database-hosts", json: #"{"name":"db","host":"10.0.0.9","port":70000,"username":"root","node_ids":[999]}"#)
            #expect(invalid.status == 422)
            #expect(invalid.errors.compactMap { $0["detail"]?.stringValue } == [
                "The port must be between 1 and 65535.", "The selected node ids.0 is invalid.",
            ])
            let created = try await sim.app(.post, "/database-hosts?include=nodes", json: #"{"name":"db","host":"10.0.0.9","port":3306,"username":"root","password":"secret","node_ids":[1,2]}"#)
            #expect(created.status == 201)
            #expect(!created.text.contains("secret"))
            #expect(created.attributes["relationships"]?["nodes"]?["data"]?.arrayValue?.count == 2)
            let id = created.attributes["id"]?.intValue ?? 0
            let updated = try await sim.app(.patch, "/database-hosts/\(id)", json: #"{"name":"db2","host":"10.0.0.9","port":3307,"username":"root"}"#)
            #expect(updated.attributes["port"]?.intValue == 3307)
            do { let status = try await sim.app(.delete, "/database-hosts/\(id)").status; #expect(status == 204) }
            do { let status = try await sim.app(.get, "/database-hosts/\(id)").status; #expect(status == 404) }
            // A host with databases cannot go: the databases' foreign key refuses it (500).
            let busy = sim.state { state in state.databases.values.first?.hostId }
            if let busy { do { let status = try await sim.app(.delete, "/database-hosts/\(busy)").status; #expect(status == 500) } }
        }
    }
}
