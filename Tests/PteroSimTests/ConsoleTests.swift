import AsyncHTTPClient
import Foundation
import HummingbirdWSClient
import NIOCore
import Testing
@testable import PteroSim

/// The simulated node's console websocket, against a live sim on a manual clock: time
/// moves only through `POST /_sim/clock`, so no test sleeps for a timer.
@Suite struct ConsoleTests {
    static let daemonPrefix = "\u{1B}[33m\u{1B}[1m[Pterodactyl Daemon]:\u{1B}[39m "

    @Test func originIsCheckedBeforeTheUpgrade() async throws {
        let sim = try await LiveConsoleSim.start { $0.console.allowedOrigins = ["https://panel.example.com"] }
        let (server, _) = sim.offlineServer()
        let path = "/api/servers/\(server.uuid)/ws"
        let upgrade = [("Connection", "Upgrade"), ("Upgrade", "websocket"), ("Sec-WebSocket-Version", "13"),
                       ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")]
        // A refused upgrade: Wings' 403 from gorilla's upgrader, not an upgrade.
        let foreignUpgrade = try await sim.request("GET", path, key: "", headers: upgrade + [("Origin", "https://evil.example")])
        #expect(foreignUpgrade.status == 403)
        #expect(foreignUpgrade.body == "Forbidden\n")
        #expect(foreignUpgrade.headers.first { $0.0.lowercased() == "sec-websocket-version" }?.1 == "13")
        let unknownUpgrade = try await sim.request("GET", "/api/servers/00000000-0000-0000-0000-000000000000/ws", key: "",
                                                   headers: upgrade + [("Origin", sim.url)])
        #expect(unknownUpgrade.status == 404)
        // Without upgrade headers the sim answers as Wings does.
        let foreign = try await sim.request("GET", path, key: "", headers: [("Origin", "https://evil.example")])
        #expect(foreign.status == 403)
        #expect(foreign.body == "Forbidden\n")
        let missing = try await sim.request("GET", path, key: "")
        #expect(missing.status == 403)
        let unknown = try await sim.request("GET", "/api/servers/00000000-0000-0000-0000-000000000000/ws", key: "", headers: [("Origin", sim.url)])
        #expect(unknown.status == 404)
        #expect(unknown.body.contains("The requested resource does not exist on this instance."))
        let plain = try await sim.request("GET", path, key: "", headers: [("Origin", sim.url)])
        #expect(plain.status == 400)
        // Only the first Origin counts: the client's own `ws://127.0.0.1` comes before the
        // sim's URL it adds, so its upgrade is refused.
        let refused = ConsoleTestClient(url: sim.url.replacingOccurrences(of: "http://", with: "ws://") + path, origin: sim.url)
        await #expect(throws: (any Error).self) { try await refused.closedByServer() }
        await sim.stop()
        // Allowed, it connects; before `auth` every event is a jwt error.
        let open = try await LiveConsoleSim.start()
        let socket = ConsoleTestClient(url: open.url.replacingOccurrences(of: "http://", with: "ws://") + "/api/servers/\(open.offlineServer().server.uuid)/ws", origin: nil)
        socket.send("send stats")
        let answer = await socket.next()
        #expect(answer?.event == "jwt error")
        #expect(answer?.args == ["jwt: no jwt present"])
        _ = try await socket.close()
        await open.stop()
    }

    @Test func authSendsStatusAndStatsOfAnOfflineServer() async throws {
        let sim = try await LiveConsoleSim.start()
        let (server, key) = sim.offlineServer()
        let (token, socket) = try await sim.token(server: server, key: key)
        #expect(socket == sim.url.replacingOccurrences(of: "http://", with: "ws://") + "/api/servers/\(server.uuid)/ws")
        let client = ConsoleTestClient(url: socket, origin: sim.url)
        let after = await client.authenticate(token)
        #expect(after.map(\.event) == ["status", "stats"])
        #expect(after.first?.args == ["offline"])
        let stats = after.last?.payload
        #expect(keys(stats) == ["memory_bytes", "memory_limit_bytes", "cpu_absolute", "network", "uptime", "state", "disk_bytes"])
        #expect(stats?["state"]?.stringValue == "offline")
        #expect(stats?["memory_bytes"]?.intValue == 0)
        #expect(keys(stats?["network"]) == ["rx_bytes", "tx_bytes"])
        _ = try await client.close()
        #expect(sim.panel.console.openSockets(serverUuid: server.uuid) == 0)
        await sim.stop()
    }

    @Test func setStateRunsThroughThePowerStatesWithTheGamesLines() async throws {
        let sim = try await LiveConsoleSim.start()
        let (server, key) = sim.offlineServer()
        let (client, _) = try await sim.console(server: server, key: key)
        client.send("set state", ["start"])
        let starting = await client.drain()
        #expect(starting.map(\.event) == ["console output", "console output", "status", "console output", "console output", "console output", "console output"])
        #expect(starting[0].args == [Self.daemonPrefix + "Checking server disk space usage, this could take a few seconds...\u{1B}[0m"])
        #expect(starting[2].args == ["starting"])
        #expect(sim.state { $0.servers[server.id]?.power.phase } == .starting)
        try await sim.advance(5)
        let running = await client.drain()
        #expect(running.map(\.event) == ["status", "console output", "stats"])
        #expect(running.first?.args == ["running"])
        #expect(running.dropFirst().first?.args == [EggConsole.doneLine])
        client.send("set state", ["start"])
        let again = await client.next()
        // The owner holds no admin.websocket.errors: the generic text, with an error reference.
        #expect(again?.event == "daemon error")
        #expect(again?.args.first?.hasPrefix("Error Event [") == true)
        #expect(again?.args.first?.hasSuffix("]: an unexpected error was encountered while handling this request") == true)
        client.send("set state", ["stop"])
        let stopping = await client.drain()
        #expect(stopping.first?.args == ["stopping"])
        #expect(stopping.dropFirst().map { $0.args.first ?? "" } == EggConsole.stopLines)
        try await sim.advance(5)
        let offline = await client.drain()
        #expect(offline.map(\.event) == ["status", "stats"])
        #expect(offline.first?.args == ["offline"])
        #expect(offline.last?.payload["state"]?.stringValue == "offline")
        #expect(offline.last?.payload["memory_bytes"]?.intValue == 0)
        _ = try await client.close()
        await sim.stop()
    }

    @Test func commandsGetTheGamesAnswersAndLogsKeepTheTail() async throws {
        let sim = try await LiveConsoleSim.start()
        let (server, key) = sim.offlineServer()
        let (client, _) = try await sim.console(server: server, key: key)
        // Offline: commands and logs are ignored, as Wings does.
        client.send("send command", ["list"])
        client.send("send logs")
        #expect(await client.drain().isEmpty)
        client.send("set state", ["start"])
        _ = await client.drain()
        try await sim.advance(5)
        _ = await client.drain()
        func answer(_ command: String) async -> [String] {
            client.send("send command", [command])
            return await client.drain().map { $0.args.first ?? "" }
        }
        #expect(await answer("list") == ["[Server thread/INFO]: There are 0 of a max of 20 players online: "])
        #expect(await answer("say hello there") == ["[Server thread/INFO]: [Server] hello there"])
        #expect(await answer("save-off") == ["[Server thread/INFO]: Automatic saving is now disabled"])
        #expect(await answer("save-off") == ["[Server thread/INFO]: Saving is already turned off"])
        #expect(await answer("save-on") == ["[Server thread/INFO]: Automatic saving is now enabled"])
        #expect(await answer("save-all") == ["[Server thread/INFO]: Saving the game (this may take a moment!)", "[Server thread/INFO]: Saved the game"])
        #expect(await answer("help").first?.contains("/list") == true)
        #expect(await answer("fly") == ["[Server thread/INFO]: Unknown or incomplete command, see below for error", "[Server thread/INFO]: fly<--[HERE]"])
        client.send("send logs")
        let logs = await client.drain()
        #expect(logs.allSatisfy { $0.event == "console output" })
        #expect(logs.last?.args == ["[Server thread/INFO]: fly<--[HERE]"])
        #expect(logs.contains { $0.args == [EggConsole.doneLine] })
        // A second socket sees the same console.
        let (second, _) = try await sim.console(server: server, key: key)
        client.send("send command", ["say both"])
        #expect(await client.drain().map(\.args) == [["[Server thread/INFO]: [Server] both"]])
        #expect(await second.drain().map(\.args) == [["[Server thread/INFO]: [Server] both"]])
        _ = try await second.close()
        _ = try await client.close()
        await sim.stop()
    }

    @Test func logsAreTheLast150Lines() async throws {
        let sim = try await LiveConsoleSim.start { $0.console.chatterLinesPerSecond = 100 }
        let (server, key) = sim.offlineServer()
        let (client, _) = try await sim.console(server: server, key: key)
        client.send("set state", ["start"])
        _ = await client.drain()
        // One tick sends at most 150 chatter lines: three moves of a second each.
        try await sim.advance(1)
        try await sim.advance(1)
        try await sim.advance(1)
        _ = await client.drain()
        client.send("send logs")
        let logs = await client.drain().filter { $0.event == "console output" }
        #expect(logs.count == 150)
        // 2 s at 100 a second, after the boot: chatter 1...200, the last 150 kept.
        #expect(logs.last?.args == [EggConsole.chatter(200)])
        #expect(logs.first?.args == [EggConsole.chatter(51)])
        _ = try await client.close()
        await sim.stop()
    }

    @Test func statsAndChatterFollowTheMovedClock() async throws {
        let sim = try await LiveConsoleSim.start { $0.console.chatterLinesPerSecond = 2 }
        let (server, key) = sim.offlineServer()
        let (client, _) = try await sim.console(server: server, key: key)
        client.send("set state", ["start"])
        _ = await client.drain()
        try await sim.advance(0.5)
        _ = await client.drain()
        try await sim.advance(1)
        let tick = await client.drain()
        #expect(tick.map(\.event) == ["stats", "console output", "console output"])
        #expect(tick.first?.payload["state"]?.stringValue == "running")
        #expect((tick.first?.payload["uptime"]?.intValue ?? 0) > 0)
        #expect(tick.dropFirst().map { $0.args } == [[EggConsole.chatter(1)], [EggConsole.chatter(2)]])
        try await sim.advance(0.25)
        #expect(await client.drain().isEmpty)
        // A big move (within the token's life) sends one stats and at most 150 chatter lines, not a flood.
        try await sim.advance(500)
        let big = await client.drain()
        #expect(big.filter { $0.event == "stats" }.count == 1)
        #expect(big.filter { $0.event == "console output" }.count == ConsoleHub.maximumChatterPerTick)
        _ = try await client.close()
        await sim.stop()
    }

    @Test func tokenExpiringThenReauthOnTheSameSocketThenExpiry() async throws {
        let sim = try await LiveConsoleSim.start()
        let (server, key) = sim.offlineServer()
        let (client, _) = try await sim.console(server: server, key: key)
        try await sim.advance(500)
        #expect(await client.drain().isEmpty)
        try await sim.advance(45)
        #expect(await client.drain().map(\.event) == ["token expiring"])
        let (fresh, _) = try await sim.token(server: server, key: key)
        client.send("auth", [fresh])
        // Re-auth: only `auth success`, no second status (panel#2077).
        #expect(await client.drain().map(\.event) == ["auth success"])
        try await sim.advance(601)
        // Wings' `token expired` goes through SendJson, whose token check turns it into this.
        let expired = await client.next()
        #expect(expired?.event == "jwt error")
        #expect(expired?.args == ["jwt: exp claim is invalid"])
        client.send("send logs")
        let refused = await client.next()
        #expect(refused?.event == "jwt error")
        #expect(refused?.args == ["jwt: exp claim is invalid"])
        _ = try await client.close()
        await sim.stop()
    }

    @Test func badTokensAreRefusedAsWingsDoes() async throws {
        let sim = try await LiveConsoleSim.start()
        let (server, key) = sim.offlineServer()
        // Signed with the same node's token (Wings checks only its own), for another server.
        let other = sim.state { state in
            state.sortedValues(state.servers).first { $0.ownerId == server.ownerId && $0.id != server.id && $0.status == nil && $0.nodeId == server.nodeId }
        }
        let (token, socket) = try await sim.token(server: server, key: key)
        let client = ConsoleTestClient(url: socket, origin: sim.url)
        try await sim.advance(601)
        client.send("auth", [token])
        let expired = await client.next()
        #expect(expired?.event == "jwt error")
        #expect(expired?.args.first?.hasPrefix("Error Event [") == true)
        #expect(expired?.args.first?.hasSuffix("]: jwt: exp claim is invalid") == true)
        let (fresh, _) = try await sim.token(server: server, key: key)
        client.send("auth", [String(fresh.dropLast(2)) + (fresh.hasSuffix("AA") ? "BB" : "AA")])
        let forged = await client.next()
        #expect(forged?.event == "daemon error")
        #expect(forged?.args.first?.hasSuffix("]: an unexpected error was encountered while handling this request") == true)
        client.send("auth", ["not a token"])
        #expect(await client.next()?.event == "daemon error")
        if let other {
            // Another server's token: accepted, then every event fails the uuid check.
            let (foreign, _) = try await sim.token(server: other, key: key)
            client.send("auth", [foreign])
            #expect(await client.next()?.event == "auth success")
            let mismatch = await client.next()
            #expect(mismatch?.event == "jwt error")
            #expect(mismatch?.args == ["jwt: server uuid mismatch"])
        }
        _ = try await client.close()
        await sim.stop()
    }

    @Test func backupCompletedCarriesTheUuidInItsPayload() async throws {
        let sim = try await LiveConsoleSim.start()
        let (server, key) = sim.offlineServer()
        let (client, _) = try await sim.console(server: server, key: key)
        let created = try await sim.request("POST", "/api/client/servers/\(server.identifier)/backups", key: key, json: #"{"name": "nightly"}"#)
        #expect(created.status == 200, "\(created.body)")
        let uuid = (try? JSONParser.parse(Array(created.body.utf8)))?["attributes"]?["uuid"]?.stringValue
        #expect(await client.drain().isEmpty)
        try await sim.advance(1)
        let frames = await client.drain()
        #expect(frames.map(\.event) == ["backup completed"])
        let payload = frames.first?.payload
        #expect(keys(payload) == ["uuid", "is_successful", "checksum", "checksum_type", "file_size"])
        #expect(payload?["uuid"]?.stringValue == uuid)
        #expect(payload?["is_successful"]?.boolValue == true)
        #expect(payload?["checksum_type"]?.stringValue == "sha1")
        #expect(payload?["checksum"]?.stringValue?.hasPrefix("sha1:") == false)
        _ = try await client.close()
        await sim.stop()
    }

    @Test func reinstallSendsInstallEventsToAnAdmin() async throws {
        let sim = try await LiveConsoleSim.start()
        let (server, key) = sim.offlineServer()
        let (admin, _) = try await sim.console(server: server, key: sim.panel.clientKey)
        let (owner, _) = try await sim.console(server: server, key: key)
        let answer = try await sim.request("POST", "/api/client/servers/\(server.identifier)/settings/reinstall", key: key)
        #expect(answer.status == 202)
        let started = await admin.drain()
        #expect(started.map(\.event) == ["install started", "console output", "install output", "install output", "install output"])
        #expect(started[1].args == [Self.daemonPrefix + "Starting installation process, this could take a few minutes...\u{1B}[0m"])
        // Install output needs admin.websocket.install: the owner sees the rest only.
        #expect(await owner.drain().map(\.event) == ["install started", "console output"])
        try await sim.advance(10)
        let completed = await admin.drain()
        #expect(completed.map(\.event) == ["console output", "install completed"])
        #expect(completed.first?.args == [Self.daemonPrefix + "Installation process completed.\u{1B}[0m"])
        _ = try await owner.close()
        _ = try await admin.close()
        await sim.stop()
    }

    @Test func deletingTheServerSendsDeletedAndCloses() async throws {
        let sim = try await LiveConsoleSim.start()
        let (server, key) = sim.offlineServer()
        let (client, _) = try await sim.console(server: server, key: key)
        let deleted = try await sim.request("DELETE", "/api/application/servers/\(server.id)", key: sim.panel.applicationKey)
        #expect(deleted.status == 204)
        let frame = await client.next()
        #expect(frame?.event == "deleted")
        #expect(frame?.args == ["null"])
        let close = try await client.closedByServer()
        #expect(close?.closeCode == .goingAway)
        #expect(close?.reason == "server deleted")
        await sim.stop()
    }

    @Test func aSuspendedServerCannotStart() async throws {
        let sim = try await LiveConsoleSim.start()
        let (server, key) = sim.offlineServer()
        let (client, _) = try await sim.console(server: server, key: sim.panel.clientKey)
        let suspended = try await sim.request("POST", "/api/application/servers/\(server.id)/suspend", key: sim.panel.applicationKey)
        #expect(suspended.status == 204)
        // Pterodactyl's Wings keeps the socket; the start fails in onBeforeStart, and an
        // admin (admin.websocket.errors) reads why.
        client.send("set state", ["start"])
        let refused = await client.next()
        #expect(refused?.event == "daemon error")
        #expect(refused?.args.first?.hasSuffix("]: server is currently in a suspended state") == true)
        // The panel no longer issues a token for it (409).
        let token = try await sim.request("GET", "/api/client/servers/\(server.identifier)/websocket", key: key)
        #expect(token.status == 409)
        _ = try await client.close()
        await sim.stop()
    }

    @Test func simClockRouteWantsTheKeyAndARange() async throws {
        let sim = try await LiveConsoleSim.start()
        let before = sim.clock.now()
        let unauthenticated = try await sim.request("POST", "/_sim/clock", key: sim.panel.clientKey, json: #"{"advance": 5}"#)
        #expect(unauthenticated.status == 401)
        for bad in [#"{"advance": -1}"#, #"{"advance": "soon"}"#, #"{}"#, "not json", #"{"advance": 1e12}"#] {
            let answer = try await sim.request("POST", "/_sim/clock", key: sim.panel.applicationKey, json: bad)
            #expect(answer.status == 422, "\(bad)")
        }
        #expect(sim.clock.now() == before)
        let moved = try await sim.request("POST", "/_sim/clock", key: sim.panel.applicationKey, json: #"{"advance": 90}"#)
        #expect(moved.status == 200)
        #expect(sim.clock.now() == before + 90)
        // The store reads the same clock: a token issued now expires 600 s after it.
        let (server, key) = sim.offlineServer()
        let (token, _) = try await sim.token(server: server, key: key)
        let payload = token.split(separator: ".")[1]
        var base64 = payload.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        let claims = try JSONParser.parse(Array(Data(base64Encoded: base64) ?? Data()))
        #expect(claims["exp"]?.intValue == Int(before + 90) + 600)
        await sim.stop()
    }
}

/// Pelican's Wings: socket count, frame size, throttles, scope claim, 4409 when suspended.
@Suite struct ConsolePelicanTests {
    static func start() async throws -> LiveConsoleSim {
        try await LiveConsoleSim.start { $0.console.flavor = .pelican }
    }

    @Test func aSuspendedServersSocketClosesWith4409() async throws {
        let sim = try await Self.start()
        let (server, key) = sim.offlineServer()
        let (client, _) = try await sim.console(server: server, key: key)
        _ = try await sim.request("POST", "/api/application/servers/\(server.id)/suspend", key: sim.panel.applicationKey)
        let close = try await client.closedByServer()
        #expect(close?.closeCode == .unknown(4409))
        #expect(close?.reason == "server is suspended")
        // A new socket to it closes at once.
        let again = ConsoleTestClient(url: sim.url.replacingOccurrences(of: "http://", with: "ws://") + "/api/servers/\(server.uuid)/ws", origin: sim.url)
        #expect(try await again.closedByServer()?.closeCode == .unknown(4409))
        await sim.stop()
    }

    @Test func eventsAreThrottledAndTheTokenNeedsItsScope() async throws {
        let sim = try await Self.start()
        let (server, key) = sim.offlineServer()
        let (token, socket) = try await sim.token(server: server, key: key)
        let client = ConsoleTestClient(url: socket, origin: sim.url)
        _ = await client.authenticate(token)
        // auth and send logs: two each 5 s; the third gets one `throttled`.
        client.send("auth", [token])
        #expect(await client.next()?.event == "auth success")
        client.send("auth", [token])
        let throttled = await client.next()
        #expect(throttled?.event == "throttled")
        #expect(throttled?.args == ["auth"])
        try await sim.advance(10)
        // A token signed without the `scope` claim is refused.
        let unscoped = sim.state { state in
            JWT.sign(.object([("iat", .int(Int(sim.clock.now()))), ("exp", .int(Int(sim.clock.now()) + 600)),
                              ("server_uuid", .string(server.uuid)), ("permissions", .array([.string("*")]))]),
                     key: state.nodes[server.nodeId]!.daemonToken)
        }
        client.send("auth", [unscoped])
        let refused = await client.next()
        #expect(refused?.event == "jwt error")
        #expect(refused?.args.first?.hasSuffix("]: jwt: missing connect permission") == true)
        _ = try await client.close()
        await sim.stop()
    }

    @Test func framesOver4096BytesCloseTheSocket() async throws {
        let sim = try await Self.start()
        let (server, key) = sim.offlineServer()
        let (client, _) = try await sim.console(server: server, key: key)
        client.send("send command", [String(repeating: "x", count: 5000)])
        // The frame decoder refuses it and closes the socket (1009, message too big).
        let close = try? await client.closedByServer()
        #expect(close?.closeCode == .messageTooLarge)
        await sim.stop()
    }

    @Test func atMost30SocketsAServer() async throws {
        let sim = try await Self.start()
        let (server, _) = sim.offlineServer()
        let url = sim.url.replacingOccurrences(of: "http://", with: "ws://") + "/api/servers/\(server.uuid)/ws"
        var clients: [ConsoleTestClient] = []
        for _ in 0..<30 {
            let client = ConsoleTestClient(url: url, origin: sim.url)
            client.send("send stats")
            #expect(await client.next()?.event == "jwt error")
            clients.append(client)
        }
        #expect(sim.panel.console.openSockets(serverUuid: server.uuid) == 30)
        let over = try await sim.request("GET", "/api/servers/\(server.uuid)/ws", key: "", headers: [("Origin", sim.url)])
        #expect(over.status == 400)
        #expect(over.body == #"{"error":"Too many open websocket connections."}"#)
        for client in clients { _ = try await client.close() }
        await sim.stop()
    }
}
