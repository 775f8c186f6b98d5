import Hummingbird
import Testing
@testable import PteroSim

/// Pelican's shared objects as its transformers have them, and its requests' rules.
@Suite struct PelicanAnswerTests {
    /// UserTransformer: no names, `is_managed_externally`, `2fa_enabled` and the deprecated `2fa`.
    @Test func usersHaveNoNames() async throws {
        try await withSim(.pelican()) { sim in
            let user = try await sim.app(.get, "/users/1")
            #expect(keys(user.attributes) == [
                "id", "external_id", "is_managed_externally", "uuid", "username", "email", "language", "root_admin",
                "2fa_enabled", "2fa", "created_at", "updated_at",
            ])
            #expect(user.attributes["root_admin"]?.boolValue == true)
        }
    }

    /// Users/StoreUserRequest.php takes no names; a created user is no root admin.
    @Test func aUserIsCreatedWithoutNames() async throws {
        try await withSim(.pelican()) { sim in
            let missing = try await sim.app(.post, "/users", json: #"{"email":"not-an-email"}"#)
            #expect(missing.status == 422)
            #expect(missing.errors.compactMap { $0["detail"]?.stringValue } == [
                "The email must be a valid email address.", "The username field is required.",
            ])
            let created = try await sim.app(.post, "/users", json: #"{"email":"new@example.com","username":"NewUser","is_managed_externally":true,"timezone":"Europe/Berlin"}"#)
            #expect(created.status == 201)
            #expect(created.attributes["username"]?.stringValue == "newuser")
            #expect(created.attributes["is_managed_externally"]?.boolValue == true)
            #expect(created.attributes["root_admin"]?.boolValue == false)
            #expect(created.attributes["first_name"] == nil)
            let id = created.attributes["id"]?.intValue ?? 0
            #expect(sim.state { $0.users[id]?.timezone } == "Europe/Berlin")
            let updated = try await sim.app(.patch, "/users/\(id)", json: #"{"email":"changed@example.com","username":"newuser"}"#)
            #expect(updated.attributes["email"]?.stringValue == "changed@example.com")
            // No `string` rule on the username: a number within 1 to 255 is its text.
            let numeric = try await sim.app(.patch, "/users/\(id)", json: #"{"email":"changed@example.com","username":200}"#)
            #expect(numeric.attributes["username"]?.stringValue == "200")
            let listed = try await sim.app(.patch, "/users/\(id)", json: #"{"email":"changed@example.com","username":["x"]}"#)
            #expect(listed.status < 500)
            // A root admin cannot be deleted through the API: an empty 403.
            let root = try await sim.app(.delete, "/users/1")
            #expect(root.status == 403)
            #expect(root.text == "[]")
        }
    }

    /// `UserController@assignRoles`/`removeRoles`: Root Admin is never given or taken.
    @Test func rolesAreAssignedAndRemoved() async throws {
        try await withSim(.pelican()) { sim in
            let role = try await sim.app(.post, "/roles", json: #"{"name":"Support"}"#)
            let roleId = role.attributes["id"]?.intValue ?? 0
            let userId = sim.state { state in state.sortedValues(state.users).first { !$0.rootAdmin }!.id }
            let invalid = try await sim.app(.patch, "/users/\(userId)/roles/assign", json: #"{"roles":[999]}"#)
            #expect(invalid.status == 422)
            #expect(invalid.errorDetail == "The selected roles.0 is invalid.")
            let assigned = try await sim.app(.patch, "/users/\(userId)/roles/assign", json: #"{"roles":[1,\#(roleId)]}"#)
            #expect(assigned.status == 200)
            #expect(sim.state { $0.users[userId]?.roleIds } == [roleId])
            #expect(assigned.attributes["root_admin"]?.boolValue == false)
            do { let status = try await sim.app(.patch, "/users/\(userId)/roles/remove", json: #"{"roles":[\#(roleId)]}"#).status; #expect(status == 200) }
            #expect(sim.state { $0.users[userId]?.roleIds } == [])
        }
    }

    /// NodeTransformer: the model's columns, tags instead of `location_id`.
    @Test func nodesHaveTagsAndNoLocation() async throws {
        try await withSim(.pelican()) { sim in
            let node = try await sim.app(.get, "/nodes/1")
            let names = keys(node.attributes)
            #expect(!names.contains("location_id"))
            for name in ["tags", "cpu", "cpu_overallocate", "daemon_connect", "daemon_sftp_alias"] { #expect(names.contains(name), "\(name)") }
            let short = sim.state { state in state.locations[state.nodes[1]!.locationId]!.short }
            #expect(node.attributes["tags"]?.arrayValue?.compactMap(\.stringValue) == [short])
            #expect(keys(node.attributes["allocated_resources"]) == ["memory", "disk", "cpu"])
            let cpu = sim.state { state in state.servers(where: { $0.nodeId == 1 }).reduce(0) { $0 + $1.cpu } }
            #expect(cpu > 0)
            #expect(node.attributes["allocated_resources"]?["cpu"]?.intValue == cpu)
            do { let status = try await sim.app(.get, "/nodes/1?include=location").status; #expect(status == 200) }
            // The seeded mount is on every node: its source is in the daemon's configuration.
            let configuration = try await sim.app(.get, "/nodes/1/configuration")
            #expect(configuration.json["allowed_mounts"]?.arrayValue?.compactMap(\.stringValue) == ["/srv/shared/maps"])
        }
    }

    /// app/Models/Node.php `$validationRules`: no `location_id`; `cpu` and `daemon_connect` required.
    @Test func aNodeIsCreatedWithTags() async throws {
        try await withSim(.pelican()) { sim in
            let invalid = try await sim.app(.post, "/nodes", json: #"{"name":"n","fqdn":"localhost","scheme":"ftp","memory":1,"memory_overallocate":0,"disk":1,"disk_overallocate":0,"daemon_sftp":2022,"daemon_listen":8080}"#)
            #expect(invalid.status == 422)
            #expect(invalid.errors.compactMap { $0["meta"]?["source_field"]?.stringValue } == ["fqdn", "scheme", "cpu", "cpu_overallocate", "daemon_connect"])
            #expect(invalid.errorDetail == "The selected fqdn is invalid.")
            let body = #"{"name":"eu-3","fqdn":"node9.example.com","scheme":"https","memory":4096,"memory_overallocate":0,"disk":10000,"disk_overallocate":0,"cpu":400,"cpu_overallocate":0,"daemon_sftp":2022,"daemon_listen":8080,"daemon_connect":443,"tags":["eu","ssd"]}"#
            let created = try await sim.app(.post, "/nodes", json: body)
            #expect(created.status == 201)
            #expect(created.attributes["tags"]?.arrayValue?.compactMap(\.stringValue) == ["eu", "ssd"])
            #expect(created.attributes["cpu"]?.intValue == 400)
            #expect(created.attributes["daemon_connect"]?.intValue == 443)
            #expect(created.attributes["daemon_base"]?.stringValue == "/var/lib/pelican/volumes")
            // nodes/deployable picks by tag: any one of them.
            let deployable = try await sim.app(.get, "/nodes/deployable?memory=1&disk=1&tags[]=ssd")
            #expect(deployable.data.map { $0["attributes"]?["name"]?.stringValue } == ["eu-3"])
        }
    }

    /// ServerTransformer: no `nest`, `limits.oom_killer` beside the deprecated `oom_disabled`.
    @Test func serversHaveOomKillerAndNoNest() async throws {
        try await withSim(.pelican()) { sim in
            let server = sim.ownedServer().server
            let answer = try await sim.app(.get, "/servers/\(server.id)")
            #expect(!keys(answer.attributes).contains("nest"))
            let limits = answer.attributes["limits"] ?? .null
            #expect(keys(limits).suffix(2) == ["oom_disabled", "oom_killer"])
            #expect(limits["oom_killer"]?.boolValue == !server.oomDisabled)
            let client = try await sim.user(.get, "/servers/\(server.identifier)")
            #expect(client.attributes["limits"]?["oom_killer"]?.boolValue == !server.oomDisabled)
            #expect(keys(client.attributes["sftp_details"]) == ["ip", "alias", "port"])
        }
    }

    /// Servers/StoreServerRequest.php: `deploy.tags`, `oom_killer`, the egg's image and startup by default.
    @Test func aServerIsDeployedByTag() async throws {
        try await withSim(.pelican()) { sim in
            let (tag, nodeIds, userId) = sim.state { state -> (String, Set<Int>, Int) in
                let node = state.sortedValues(state.nodes).first { $0.isPublic }!
                return (node.tags[0], Set(state.nodes.values.filter { $0.tags.contains(node.tags[0]) }.map(\.id)), 3)
            }
            let body = #"{"name":"tagged","user":\#(userId),"egg":1,"environment":{"SERVER_JARFILE":"server.jar","BUILD_NUMBER":"latest"},"oom_killer":true,"limits":{"memory":512,"swap":0,"disk":1024,"io":500,"cpu":100},"feature_limits":{"databases":0,"backups":0},"deploy":{"tags":["\#(tag)"],"dedicated_ip":false,"port_range":[]}}"#
            let created = try await sim.app(.post, "/servers", json: body)
            #expect(created.status == 201, "\(created.text)")
            #expect(nodeIds.contains(created.attributes["node"]?.intValue ?? 0))
            #expect(created.attributes["limits"]?["oom_killer"]?.boolValue == true)
            let egg = sim.state { $0.eggs[1]! }
            #expect(created.attributes["container"]?["image"]?.stringValue == egg.dockerImages.first?.1)
            #expect(created.attributes["container"]?["startup_command"]?.stringValue == egg.startup)
            let nowhere = try await sim.app(.post, "/servers", json: body.replacingOccurrences(of: "\"\(tag)\"", with: "\"no-such-tag\"").replacingOccurrences(of: "tagged", with: "t2"))
            #expect(nowhere.status == 400)
            #expect(nowhere.errorCode == "NoViableNodeException")
            let legacy = try await sim.app(.post, "/servers", json: body.replacingOccurrences(of: #""tags":["\#(tag)"],"#, with: #""locations":[1],"#))
            #expect(legacy.status == 422)
            #expect(legacy.errorDetail == "The deploy.tags field must be present.")
        }
    }

    /// Pelican's client additions: username, SSH key by fingerprint, backup rename, description.
    @Test func clientAdditions() async throws {
        try await withSim(.pelican()) { sim in
            let (server, key) = sim.ownedServer()
            let password = sim.state { $0.users[server.ownerId]!.password }
            let wrong = try await sim.user(.put, "/account/username", key: key, json: #"{"username":"renamed","password":"nope"}"#)
            #expect(wrong.status == 400)
            #expect(wrong.errorCode == "InvalidPasswordProvidedException")
            let renamed = try await sim.user(.put, "/account/username", key: key, json: #"{"username":"renamed","password":"\#(password)"}"#)
            #expect(renamed.status == 204)
            #expect(sim.state { $0.users[server.ownerId]?.username } == "renamed")
            let described = try await sim.user(.post, "/servers/\(server.identifier)/settings/description", key: key, json: #"{"description":"hello"}"#)
            #expect(described.status == 204)
            #expect(sim.state { $0.servers[server.id]?.description } == "hello")
            let missingKey = try await sim.user(.delete, "/account/ssh-keys/SHA256:nothing", key: key)
            #expect(missingKey.status == 404)
        }
    }
}

extension PelicanAnswerTests {
    /// Servers/UpdateServerBuildConfigurationRequest.php: `oom_killer`, limits only under
    /// `limits`, `allocation` optional, `io` from 0.
    @Test func theBuildTakesOomKiller() async throws {
        try await withSim(.pelican()) { sim in
            let server = sim.ownedServer().server
            let body = #"{"oom_killer":true,"limits":{"memory":2048,"swap":0,"io":0,"cpu":200,"disk":4096},"feature_limits":{"databases":1,"backups":2}}"#
            let changed = try await sim.app(.patch, "/servers/\(server.id)/build", json: body)
            #expect(changed.status == 200, "\(changed.text)")
            #expect(changed.attributes["limits"]?["oom_killer"]?.boolValue == true)
            #expect(changed.attributes["limits"]?["memory"]?.intValue == 2048)
            #expect(changed.attributes["allocation"]?.intValue == server.allocationId)
            let legacy = try await sim.app(.patch, "/servers/\(server.id)/build", json: #"{"memory":1,"feature_limits":{"databases":1,"backups":2},"oom_killer":"x"}"#)
            #expect(legacy.status == 422)
            #expect(legacy.errorDetail == "The oom killer field must be true or false.")
            #expect(sim.state { $0.servers[server.id]?.memory } == 2048)
        }
    }
}

extension PelicanAnswerTests {
    /// AccountController@index answers Api/Client/UserTransformer: no id, no names.
    @Test func theAccountIsPelicansClientUser() async throws {
        try await withSim(.pelican()) { sim in
            let account = try await sim.user(.get, "/account")
            #expect(account.json["object"]?.stringValue == "user")
            #expect(keys(account.attributes) == [
                "uuid", "username", "email", "language", "image", "admin", "root_admin", "2fa_enabled", "created_at", "updated_at",
            ])
            #expect(account.attributes["root_admin"]?.boolValue == true)
        }
    }

    /// Servers/ServerController.php `index` filters on `uuid_short` (1.x: `uuidShort`).
    @Test func serversFilterOnUuidShort() async throws {
        try await withSim(.pelican()) { sim in
            let server = sim.ownedServer().server
            let found = try await sim.app(.get, "/servers?filter[uuid_short]=\(server.identifier)")
            #expect(found.data.map { $0["attributes"]?["id"]?.intValue } == [server.id])
            let old = try await sim.app(.get, "/servers?filter[uuidShort]=\(server.identifier)")
            #expect(old.status == 400)
            #expect(old.errorCode == "InvalidFilterQuery")
            do { let status = try await sim.app(.get, "/nodes?sort=-cpu").status; #expect(status == 200) }
        }
    }
}

extension PelicanAnswerTests {
    /// Servers/UpdateServerDetailsRequest.php: Server.php's `name` is `max:255` (1.x: 191).
    @Test func detailsTakeNamesUpTo255() async throws {
        try await withSim(.pelican()) { sim in
            let server = sim.ownedServer().server
            let long = String(repeating: "n", count: 200)
            let changed = try await sim.app(.patch, "/servers/\(server.id)/details", json: #"{"name":"\#(long)","user":\#(server.ownerId)}"#)
            #expect(changed.status == 200)
            #expect(changed.attributes["name"]?.stringValue == long)
            let tooLong = try await sim.app(.patch, "/servers/\(server.id)/details", json: #"{"name":"\#(long + long)","user":\#(server.ownerId)}"#)
            #expect(tooLong.errorDetail == "The Server Name may not be greater than 255 characters.")
        }
    }

    /// Servers/UpdateServerStartupRequest.php: `startup` and `image` are `sometimes`.
    @Test func aStartupChangeMayLeaveOutTheCommandAndImage() async throws {
        try await withSim(.pelican()) { sim in
            let server = sim.ownedServer().server
            let changed = try await sim.app(.patch, "/servers/\(server.id)/startup", json: #"{"egg":\#(server.eggId),"environment":{},"skip_scripts":false}"#)
            #expect(changed.status == 200, "\(changed.text)")
            #expect(changed.attributes["container"]?["startup_command"]?.stringValue == server.startup)
            #expect(changed.attributes["container"]?["image"]?.stringValue == server.image)
            let missing = try await sim.app(.patch, "/servers/\(server.id)/startup", json: #"{"egg":\#(server.eggId),"environment":{}}"#)
            #expect(missing.errorDetail == "The skip scripts field must be present.")
        }
    }
}

extension PelicanAnswerTests {
    /// `ClientController@permissions`: one flat list of app/Enums/SubuserPermission.php's keys;
    /// a subuser may be given the keys only Pelican has.
    @Test func permissionsAreOneListWithPelicansKeys() async throws {
        try await withSim(.pelican()) { sim in
            let answer = try await sim.user(.get, "/permissions")
            #expect(answer.json["object"]?.stringValue == "system_permissions")
            let listed = answer.attributes["permissions"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(listed.count == 44)
            #expect(listed.first == "websocket.connect" && listed.contains("mount.read") && listed.contains("settings.description"))
            let (server, key) = sim.ownedServer()
            let email = sim.state { state in state.sortedValues(state.users).first { $0.id != server.ownerId && !$0.rootAdmin }!.email }
            let made = try await sim.user(.post, "/servers/\(server.identifier)/users", key: key,
                                          json: #"{"email":"\#(email)","permissions":["settings.description","mount.read","no.such"]}"#)
            #expect(made.status == 200, "\(made.text)")
            #expect(made.attributes["permissions"]?.arrayValue?.compactMap(\.stringValue) == ["settings.description", "mount.read", "websocket.connect"])
        }
    }
}

extension PelicanAnswerTests {
    /// UserTransformer's `roles` include: RoleTransformer items, top-level and nested.
    @Test func usersIncludeTheirRoles() async throws {
        try await withSim(.pelican()) { sim in
            let user = try await sim.app(.get, "/users/1?include=roles")
            let roles = user.attributes["relationships"]?["roles"]
            #expect(roles?["object"]?.stringValue == "list")
            #expect(roles?["data"]?.arrayValue?.map { $0["attributes"]?["name"]?.stringValue } == ["Root Admin"])
            let server = sim.ownedServer().server
            let nested = try await sim.app(.get, "/servers/\(server.id)?include=user.roles")
            let owner = nested.attributes["relationships"]?["user"]?["attributes"]
            #expect(owner?["relationships"]?["roles"]?["data"]?.arrayValue?.count == 0)
            #expect(owner?["first_name"] == nil)
            let plain = try await sim.app(.get, "/users/1")
            #expect(plain.attributes["relationships"] == nil)
        }
    }
}
