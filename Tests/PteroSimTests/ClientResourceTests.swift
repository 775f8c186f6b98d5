import Testing
@testable import PteroSim

@Suite struct ClientResourceTests {
    @Test func databasesLifecycle() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer { ($0.databaseLimit ?? 0) >= 2 }
            let base = "/servers/\(server.identifier)/databases"
            let created = try await sim.user(.post, base, key: key, json: #"{"database":"world","remote":"%"}"#)
            #expect(created.status == 200)
            let id = created.attributes["id"]?.stringValue ?? ""
            #expect(id.count == 8)
            #expect(keys(created.attributes).prefix(6) == ["id", "host", "name", "username", "connections_from", "max_connections"])
            #expect(created.attributes["relationships"]?["password"]?["object"]?.stringValue == "database_password")
            let duplicate = try await sim.user(.post, base, key: key, json: #"{"database":"world","remote":"%"}"#)
            #expect(duplicate.errorDetail == "The database name you have selected is already in use by this server.")
            let short = try await sim.user(.post, base, key: key, json: #"{"database":"ab","remote":"%"}"#)
            #expect(short.errorDetail == "The database must be at least 3 characters.")
            let listed = try await sim.user(.get, base + "?include=password", key: key)
            #expect(listed.data.contains { $0["attributes"]?["id"]?.stringValue == id })
            let rotated = try await sim.user(.post, base + "/\(id)/rotate-password", key: key)
            #expect(rotated.attributes["relationships"]?["password"] != created.attributes["relationships"]?["password"])
            let check1 = try await sim.user(.delete, base + "/\(id)", key: key).status == 204
            #expect(check1)
            let check2 = try await sim.user(.delete, base + "/\(id)", key: key).status == 404
            #expect(check2)
            let viewer = sim.subuserKey(on: server.id, permissions: ["database.read"])
            let hidden = try await sim.user(.get, base + "?include=password", key: viewer)
            #expect(hidden.data.allSatisfy { $0["attributes"]?["relationships"]?["password"]?["object"]?.stringValue == "null_resource" })
            let check3 = try await sim.user(.post, base, key: viewer, json: #"{"database":"nope","remote":"%"}"#).status == 403
            #expect(check3)
        }
    }

    @Test func backupsCompleteAfterADelayAndAreThrottled() async throws {
        var options = SimulatorOptions.testing()
        options.timing.restoreSeconds = 600
        try await withSim(options) { sim in
            let (server, key) = sim.ownedServer { ($0.backupLimit ?? 0) >= 3 }
            let base = "/servers/\(server.identifier)/backups"
            let created = try await sim.user(.post, base, key: key, json: #"{"name":"before update","ignored":"*.log\ncache"}"#)
            #expect(created.status == 200)
            #expect(created.attributes["completed_at"] == .null)
            #expect(created.attributes["ignored_files"] == .array([.string("*.log"), .string("cache")]))
            let uuid = created.attributes["uuid"]?.stringValue ?? ""
            try await Task.sleep(for: .milliseconds(80))
            let done = try await sim.user(.get, base + "/\(uuid)", key: key)
            #expect(done.attributes["is_successful"]?.boolValue == true)
            #expect(done.attributes["completed_at"]?.stringValue != nil)
            _ = try await sim.user(.post, base, key: key, json: "{}")
            let throttled = try await sim.user(.post, base, key: key, json: "{}")
            #expect(throttled.status == 429)
            #expect(throttled.errorCode == "TooManyRequestsHttpException")
            #expect(throttled.errorDetail == "Only 2 backups may be generated within a 600 second span of time.")
            #expect(throttled.header("Retry-After") != nil)
            let list = try await sim.user(.get, base, key: key)
            #expect(keys(list.json["meta"]) == ["pagination", "backup_count"])
            #expect(list.json["meta"]?["pagination"]?["per_page"]?.intValue == 20)
            let locked = try await sim.user(.post, base + "/\(uuid)/lock", key: key)
            #expect(locked.attributes["is_locked"]?.boolValue == true)
            let refused = try await sim.user(.delete, base + "/\(uuid)", key: key)
            #expect(refused.errorCode == "BackupLockedException")
            _ = try await sim.user(.post, base + "/\(uuid)/lock", key: key)
            let download = try await sim.user(.get, base + "/\(uuid)/download", key: key)
            #expect(download.attributes["url"]?.stringValue?.contains("/download/backup?token=") == true)
            let check4 = try await sim.user(.post, base + "/\(uuid)/restore", key: key, json: "{}").errorDetail == "The truncate field is required."
            #expect(check4)
            let check5 = try await sim.user(.post, base + "/\(uuid)/restore", key: key, json: #"{"truncate":true}"#).status == 204
            #expect(check5)
            let restoring = try await sim.user(.get, "/servers/\(server.identifier)/resources", key: key)
            #expect(restoring.errorDetail == "This server is currently restoring from a backup, please try again later.")
            sim.mutate { $0.servers[server.id]?.statusUntil = sim.panel.store.options.clock.now() - 1 }
            let check6 = try await sim.user(.delete, base + "/\(uuid)", key: key).status == 204
            #expect(check6)
            let check7 = try await sim.user(.get, base + "/\(uuid)", key: key).status == 404
            #expect(check7)
        }
    }

    @Test func backupLimitZeroRefuses() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer { $0.backupLimit == 0 }
            let result = try await sim.user(.post, "/servers/\(server.identifier)/backups", key: key, json: "{}")
            #expect(result.errorCode == "TooManyBackupsException")
            #expect(result.errorDetail == "Cannot create a new backup, this server has reached its limit of 0 backups.")
        }
    }

    @Test func networkAllocations() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer { ($0.allocationLimit ?? 0) >= 2 }
            sim.mutate { state in
                for allocation in state.allocations.values where allocation.serverId == server.id && allocation.id != server.allocationId {
                    state.allocations[allocation.id]?.serverId = nil
                }
            }
            let base = "/servers/\(server.identifier)/network/allocations"
            let list = try await sim.user(.get, base, key: key)
            #expect(list.data.count == 1)
            #expect(list.data.first?["attributes"]?["is_default"]?.boolValue == true)
            let created = try await sim.user(.post, base, key: key)
            #expect(created.status == 200)
            let id = created.attributes["id"]?.intValue ?? 0
            let notes = try await sim.user(.post, base + "/\(id)", key: key, json: #"{"notes":"voice"}"#)
            #expect(notes.attributes["notes"]?.stringValue == "voice")
            let check8 = try await sim.user(.post, base + "/\(id)", key: key, json: "{}").errorDetail == "The notes field must be present."
            #expect(check8)
            let primary = try await sim.user(.post, base + "/\(id)/primary", key: key)
            #expect(primary.attributes["is_default"]?.boolValue == true)
            let refusePrimary = try await sim.user(.delete, base + "/\(id)", key: key)
            #expect(refusePrimary.errorDetail == "You cannot delete the primary allocation for this server.")
            let check9 = try await sim.user(.post, base + "/\(server.allocationId)/primary", key: key).status == 200
            #expect(check9)
            let check10 = try await sim.user(.delete, base + "/\(id)", key: key).status == 204
            #expect(check10)
            let check11 = try await sim.user(.delete, base + "/999999", key: key).status == 404
            #expect(check11)
        }
    }

    @Test func subusersLifecycle() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer()
            let base = "/servers/\(server.identifier)/users"
            let created = try await sim.user(.post, base, key: key, json: #"{"email":"helper@newdomain.com","permissions":["control.start","bogus.key"]}"#)
            #expect(created.json["object"]?.stringValue == "server_subuser")
            #expect(created.attributes["permissions"] == .array([.string("control.start"), .string("websocket.connect")]))
            #expect(created.attributes["image"]?.stringValue?.hasPrefix("https://gravatar.com/avatar/") == true)
            let uuid = created.attributes["uuid"]?.stringValue ?? ""
            let again = try await sim.user(.post, base, key: key, json: #"{"email":"helper@newdomain.com","permissions":["control.start"]}"#)
            #expect(again.errorCode == "ServerSubuserExistsException")
            let ownerEmail = sim.state { $0.users[server.ownerId]!.email }
            let owner = try await sim.user(.post, base, key: key, json: #"{"email":"\#(ownerEmail)","permissions":["control.start"]}"#)
            #expect(owner.errorCode == "UserIsServerOwnerException")
            let check12 = try await sim.user(.get, base + "/\(uuid)", key: key).attributes["email"]?.stringValue == "helper@newdomain.com"
            #expect(check12)
            let updated = try await sim.user(.post, base + "/\(uuid)", key: key, json: #"{"permissions":["file.read"]}"#)
            #expect(updated.attributes["permissions"] == .array([.string("file.read"), .string("websocket.connect")]))
            let check13 = try await sim.user(.get, base, key: key).data.contains { $0["attributes"]?["uuid"]?.stringValue == uuid }
            #expect(check13)
            let limited = sim.subuserKey(on: server.id, permissions: ["user.create", "user.read"])
            let escalate = try await sim.user(.post, base, key: limited, json: #"{"email":"x@y.com","permissions":["file.delete"]}"#)
            #expect(escalate.errorDetail == "Cannot assign permissions to a subuser that your account does not actively possess.")
            let check14 = try await sim.user(.delete, base + "/\(uuid)", key: key).status == 204
            #expect(check14)
            let check15 = try await sim.user(.get, base + "/\(uuid)", key: key).status == 404
            #expect(check15)
        }
    }
}
