import Foundation
import Testing
@testable import PteroSim

@Suite struct ClientServerTests {
    @Test func viewCarriesMetaAndDefaultRelationships() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer()
            let result = try await sim.user(.get, "/servers/\(server.identifier)", key: key)
            #expect(result.status == 200)
            #expect(result.json["meta"]?["is_server_owner"]?.boolValue == true)
            #expect(result.json["meta"]?["user_permissions"] == .array([.string("*")]))
            #expect(keys(result.attributes["relationships"]) == ["allocations", "variables"])
            #expect(result.attributes["sftp_details"]?["port"]?.intValue == 2022)
            let byUUID = try await sim.user(.get, "/servers/\(server.uuid)", key: key)
            #expect(byUUID.attributes["internal_id"]?.intValue == server.id)
            let admin = try await sim.user(.get, "/servers/\(server.identifier)")
            #expect(admin.json["meta"]?["user_permissions"]?.arrayValue?.count == 4)
        }
    }

    @Test func subuserSeesHiddenValuesAndNoVariables() async throws {
        try await withSim { sim in
            let (server, _) = sim.ownedServer()
            let key = sim.subuserKey(on: server.id, permissions: ["control.console"])
            let result = try await sim.user(.get, "/servers/\(server.identifier)", key: key)
            #expect(result.json["meta"]?["is_server_owner"]?.boolValue == false)
            #expect(result.attributes["relationships"]?["variables"]?["object"]?.stringValue == "null_resource")
            #expect(result.attributes["relationships"]?["allocations"]?["data"]?.arrayValue?.count == 1)
        }
    }

    @Test func suspendedServerIs409ExceptView() async throws {
        try await withSim { sim in
            let server = sim.state { $0.sortedValues($0.servers).first { $0.status == "suspended" }! }
            let conflict = try await sim.user(.get, "/servers/\(server.identifier)/resources")
            #expect(conflict.status == 409)
            #expect(conflict.errorCode == "ServerStateConflictException")
            #expect(conflict.errorDetail == "This server is currently suspended and the functionality requested is unavailable.")
            let check1 = try await sim.user(.get, "/servers/\(server.identifier)").status == 200
            #expect(check1)
        }
    }

    @Test func powerMovesThroughStatesOverTime() async throws {
        var options = SimulatorOptions.testing()
        options.timing.startSeconds = 600
        try await withSim(options) { sim in
            let (server, key) = sim.ownedServer { $0.power.phase == .offline }
            let path = "/servers/\(server.identifier)"
            let check2 = try await sim.user(.get, path + "/resources", key: key).attributes["current_state"]?.stringValue == "offline"
            #expect(check2)
            let check3 = try await sim.user(.post, path + "/power", key: key, json: #"{"signal":"start"}"#).status == 204
            #expect(check3)
            let starting = try await sim.user(.get, path + "/resources", key: key)
            #expect(starting.json["object"]?.stringValue == "stats")
            #expect(starting.attributes["current_state"]?.stringValue == "starting")
            // Wings takes a command while the container runs, so while starting too (postServerCommands).
            let whileStarting = try await sim.user(.post, path + "/command", key: key, json: #"{"command":"say early"}"#)
            #expect(whileStarting.status == 204)
            #expect(keys(starting.attributes["resources"]) == ["memory_bytes", "cpu_absolute", "disk_bytes", "network_rx_bytes", "network_tx_bytes", "uptime"])
            // Let the start "finish" without waiting: move its deadline into the past.
            sim.mutate { $0.servers[server.id]?.power.transitionAt = sim.panel.store.options.clock.now() - 1 }
            let running = try await sim.user(.get, path + "/resources", key: key)
            #expect(running.attributes["current_state"]?.stringValue == "running")
            #expect((running.attributes["resources"]?["memory_bytes"]?.intValue ?? 0) > 0)
            let check4 = try await sim.user(.post, path + "/command", key: key, json: #"{"command":"say hi"}"#).status == 204
            #expect(check4)
            // The game logs the command and its answer, as a client polling the log reads them; /_sim/stats counts it.
            let log = try await sim.user(.get, path + "/files/contents?file=%2Flogs%2Flatest.log", key: key)
            #expect(log.text.hasSuffix("> say hi\n[Server thread/INFO]: [Server] hi\n"), "\(log.text)")
            // Both commands, the one while starting too.
            #expect(sim.panel.store.withState { $0.stats.consoleCommands[server.identifier] } == 2)
            let check5 = try await sim.user(.post, path + "/power", key: key, json: #"{"signal":"kill"}"#).status == 204
            #expect(check5)
            let offline = try await sim.user(.post, path + "/command", key: key, json: #"{"command":"say hi"}"#)
            #expect(offline.status == 502)
            #expect(offline.errorDetail == "Server must be online in order to send commands.")
            let invalid = try await sim.user(.post, path + "/power", key: key, json: #"{"signal":"explode"}"#)
            #expect(invalid.status == 422)
            #expect(invalid.errorDetail == "The selected signal is invalid.")
            #expect(invalid.firstError["meta"]?["rule"]?.stringValue == "in")
            let activity = try await sim.user(.get, path + "/activity?filter[event]=power", key: key)
            #expect(activity.data.count == 2)
        }
    }

    @Test func subuserPermissionChecksComeFirst() async throws {
        try await withSim { sim in
            let (server, _) = sim.ownedServer()
            let key = sim.subuserKey(on: server.id, permissions: ["control.start"])
            let path = "/servers/\(server.identifier)"
            let invalid = try await sim.user(.post, path + "/power", key: key, json: #"{"signal":"explode"}"#)
            #expect(invalid.status == 403)
            #expect(invalid.errorDetail == "This action is unauthorized.")
            let check6 = try await sim.user(.post, path + "/power", key: key, json: #"{"signal":"start"}"#).status == 204
            #expect(check6)
            let check7 = try await sim.user(.post, path + "/power", key: key, json: #"{"signal":"stop"}"#).status == 403
            #expect(check7)
            let check8 = try await sim.user(.post, path + "/command", key: key, json: #"{"command":"x"}"#).status == 403
            #expect(check8)
            let check9 = try await sim.user(.get, path + "/activity", key: key).status == 403
            #expect(check9)
            let socket = try await sim.user(.get, path + "/websocket", key: key)
            #expect(socket.status == 403)
            #expect(socket.errorDetail == "You do not have permission to connect to this server's websocket.")
        }
    }

    @Test func websocketTokenIsAJWTForTheSimsOwnListener() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer()
            let result = try await sim.user(.get, "/servers/\(server.identifier)/websocket", key: key)
            let token = result.json["data"]?["token"]?.stringValue ?? ""
            #expect(token.split(separator: ".").count == 3)
            // No separate node: the socket is on the sim's own listener (in-process: no port yet).
            #expect(result.json["data"]?["socket"]?.stringValue == "ws://127.0.0.1/api/servers/\(server.uuid)/ws")
        }
    }

    /// The header and claims of a JWT, in their order.
    static func jwtParts(_ token: String) -> (header: [String], claims: [(String, JSONValue)])? {
        let parts = token.split(separator: ".").map(String.init)
        func decode(_ part: String) -> JSONValue? {
            var text = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            while text.count % 4 != 0 { text += "=" }
            return Data(base64Encoded: text).flatMap { try? JSONParser.parse(Array($0)) }
        }
        guard parts.count == 3, let header = decode(parts[0])?.objectValue, let claims = decode(parts[1])?.objectValue else { return nil }
        return (header.map(\.0), claims)
    }

    /// The tokens are NodeJWTService's: the jti in the header too, the claims in its order, and
    /// per dialect md5 and user_id (1.11) or sha256 and a scope (Pelican).
    @Test(arguments: [false, true]) func nodeTokensCarryThePanelsClaims(pelican: Bool) async throws {
        var options = pelican ? SimulatorOptions.pelican() : .testing()
        if pelican { options.console.flavor = .pelican }  // as `ptero sim --panel pelican` sets it
        try await withSim(options) { sim in
            let (server, key) = sim.ownedServer()
            let user = sim.state { $0.users[server.ownerId]! }
            let websocket = try await sim.user(.get, "/servers/\(server.identifier)/websocket", key: key)
            let token = try #require(Self.jwtParts(websocket.json["data"]?["token"]?.stringValue ?? ""))
            #expect(token.header == ["typ", "alg", "jti"])
            let identifiedBy = Array("\(user.id)\(server.uuid)".utf8)
            let jti = pelican ? Hex.encode(SHA256.digest(identifiedBy)) : MD5.hex(identifiedBy)
            let names = token.claims.map(\.0)
            #expect(names == ["iss", "aud", "jti", "iat", "nbf", "exp", "server_uuid", "permissions", "user_uuid"]
                + (pelican ? ["scope"] : ["user_id"]) + ["unique_id"])
            let claims = Dictionary(token.claims, uniquingKeysWith: { first, _ in first })
            #expect(claims["jti"]?.stringValue == jti)
            #expect(claims["exp"]?.intValue == (claims["iat"]?.intValue).map { $0 + 600 })
            #expect(claims["nbf"]?.intValue == (claims["iat"]?.intValue).map { $0 - 300 })
            #expect(claims["scope"]?.stringValue == (pelican ? "websocket" : nil))
            #expect(claims["unique_id"]?.stringValue?.count == 16)
            // A signed download: fifteen minutes, the file as rawurldecode gives it ('+' kept).
            let download = try await sim.user(.get, "/servers/\(server.identifier)/files/download?file=%2Fserver.properties", key: key)
            let url = download.attributes["url"]?.stringValue ?? ""
            let signed = try #require(Self.jwtParts(String(url.split(separator: "=").last ?? "")))
            #expect(signed.claims.map(\.0) == ["iss", "aud", "jti", "iat", "nbf", "exp", "file_path", "server_uuid", "user_uuid"]
                + (pelican ? ["scope"] : ["user_id"]) + ["unique_id"])
            let signedClaims = Dictionary(signed.claims, uniquingKeysWith: { first, _ in first })
            #expect(signedClaims["file_path"]?.stringValue == "/server.properties")
            #expect(signedClaims["exp"]?.intValue == (signedClaims["iat"]?.intValue).map { $0 + 900 })
            #expect(signedClaims["scope"]?.stringValue == (pelican ? "file-download" : nil))
        }
    }
}
