import Foundation
import Synchronization
import Testing
@testable import PteroKit
@testable import PteroSim

/// The console client against the simulated node's websocket, on a manual clock.
@Suite struct ConsoleConnectionTests {
    @Test func authenticatesWithThePanelOriginAndGetsStatusAndStats() async throws {
        try await ConsoleFixture.run { fixture in
            let console = fixture.console()
            try await console.connect()
            let after = try await fixture.drain(console)
            #expect(after.map(\.name) == ["status", "stats"])
            #expect(after.first == .status("offline"))
            guard case .stats(let stats)? = after.last else { Issue.record("no stats: \(after)"); return }
            #expect(stats.state == "offline")
            #expect(stats.memoryBytes == 0)
            #expect(stats.memoryLimitBytes == fixture.server.memory * 1_048_576)
            #expect(console.tokensFetched == 1)
            #expect(console.socketsOpened == 1)
            // The same events as an AsyncSequence, which ends with the connection.
            try await console.requestStats()
            var events = console.events.makeAsyncIterator()
            #expect(await events.next()?.name == "stats")
            await console.close()
            #expect(await events.next() == nil)
            #expect(await console.next(timeout: .seconds(1)) == nil)
            await #expect(throws: ConsoleError.self) { try await console.requestStats() }
        }
    }

    @Test func commandsPrintTheirLinesAndLogsSendTheTail() async throws {
        try await ConsoleFixture.run { fixture in
            let console = fixture.console()
            try await console.connect()
            try await fixture.startRunning(console)
            try await console.send(command: "say hello there")
            let said = try await fixture.drain(console)
            #expect(said.compactMap(\.line) == ["[Server thread/INFO]: [Server] hello there"])
            try await console.requestLogs()
            let logs = try await fixture.drain(console)
            #expect(logs.allSatisfy { $0.line != nil })
            #expect(logs.contains { $0.line == EggConsole.doneLine })
            #expect(logs.last?.line == "[Server thread/INFO]: [Server] hello there")
            await console.close()
        }
    }

    @Test func statsOnRequest() async throws {
        try await ConsoleFixture.run { fixture in
            let console = fixture.console()
            try await console.connect()
            try await fixture.startRunning(console)
            _ = try await fixture.drain(console)
            try await console.requestStats()
            let answer = try await fixture.drain(console)
            guard answer.count == 1, case .stats(let stats) = answer[0] else { Issue.record("not one stats: \(answer)"); return }
            #expect(stats.state == "running")
            #expect(stats.memoryBytes > 0)
            await console.close()
        }
    }

    @Test func aFreshTokenBeforeExpiryOnTheSameSocket() async throws {
        try await ConsoleFixture.run { fixture in
            let console = fixture.console()
            try await console.connect()
            _ = try await fixture.drain(console)
            // The token lasts 600 s; Wings checks every 30 s and warns with 60 s or less left.
            try await fixture.advance(545)
            let refreshed = await fixture.events(console, until: { $0 == .authSuccess })
            #expect(refreshed.contains(.tokenExpiring))
            #expect(console.tokensFetched == 2)
            // Past the first token's expiry the socket still works: no jwt error.
            try await fixture.advance(100)
            try await console.requestStats()
            let after = try await fixture.drain(console)
            #expect(after.map(\.name) == ["stats"])
            #expect(console.socketsOpened == 1)
            await console.close()
        }
    }

    @Test func aJWTErrorGetsOneFreshToken() async throws {
        try await ConsoleFixture.run { fixture in
            let console = fixture.console()
            try await console.connect()
            _ = try await fixture.drain(console)
            // Straight past expiry: Wings' `token expired` goes out as `jwt error` (SendJson checks first).
            try await fixture.advance(700)
            let refreshed = await fixture.events(console, until: { $0 == .authSuccess })
            #expect(refreshed.contains(.jwtError("jwt: exp claim is invalid")))
            #expect(console.tokensFetched == 2)
            try await console.requestStats()
            #expect(try await fixture.drain(console).map(\.name) == ["stats"])
            await console.close()
        }
    }

    @Test func theJWTErrorsOfABusyConsoleGetOneFreshToken() async throws {
        try await ConsoleFixture.run({ $0.console.chatterLinesPerSecond = 10 }) { fixture in
            let console = fixture.console()
            try await console.connect()
            try await fixture.startRunning(console)
            _ = try await fixture.drain(console)
            // Every line and stats event after expiry comes as a jwt error until the new auth is read.
            try await fixture.advance(700)
            let refreshed = await fixture.events(console, until: { $0 == .authSuccess })
            #expect(refreshed.filter { $0 == .jwtError("jwt: exp claim is invalid") }.count > 1)
            #expect(console.tokensFetched == 2)
            try await console.requestStats()
            #expect(try await fixture.drain(console).contains { $0.name == "stats" })
            #expect(console.failure == nil)
            await console.close()
        }
    }

    @Test func aSecondJWTErrorEndsTheConnection() async throws {
        try await ConsoleFixture.run { fixture in
            let client = fixture.client, identifier = fixture.server.identifier
            let fetched = Counter()
            let console = fixture.console(fetchToken: {
                var token = try await client.websocketToken(server: identifier)
                // The second token is one Wings cannot read.
                if fetched.increment() > 1 { token.token = "not.a-token.at-all" }
                return token
            }) { $0.reauthenticationGrace = .milliseconds(20) }
            try await console.connect()
            _ = try await fixture.drain(console)
            try await fixture.advance(700)
            var seen: [ConsoleEvent] = []
            while let event = await console.next(timeout: ConsoleFixture.eventTimeout) {
                seen.append(event)
                if case .jwtError = event { try? await console.requestStats() }
            }
            #expect(seen.filter { if case .jwtError = $0 { true } else { false } }.count >= 2)
            #expect(console.failure?.status == .authentication)
            #expect(console.failure?.message.contains("not.a-token") == false)
        }
    }

    @Test func aForeignOriginIsRefusedAndConsoleOriginOverrides() async throws {
        try await ConsoleFixture.run({ $0.console.allowedOrigins = ["https://panel.example.com"] }) { fixture in
            let foreign = fixture.console(origin: "https://evil.example")
            let failure = await #expect(throws: ConsoleError.self) { try await foreign.connect() }
            #expect(failure?.status == .refused)
            #expect(failure?.message.contains("https://evil.example") == true)
            #expect(failure?.message.contains("console_origin") == true)
            let token = try await fixture.client.websocketToken(server: fixture.server.identifier)
            #expect(failure?.message.contains(token.token) == false)
            let allowed = fixture.console(origin: ConsoleSettings.origin(panelURL: fixture.sim.url, override: "https://panel.example.com"))
            try await allowed.connect()
            #expect(try await fixture.drain(allowed).first == .status("offline"))
            await allowed.close()
        }
        #expect(ConsoleSettings.origin(panelURL: URL(string: "https://panel.example.com/")!) == "https://panel.example.com")
    }

    @Test func aDroppedSocketComesBackAndSendsTheHeldCommand() async throws {
        try await ConsoleFixture.run { fixture in
            let console = fixture.console()
            try await console.connect()
            try await fixture.startRunning(console)
            _ = try await fixture.drain(console)
            console.dropSocket()
            try await console.send(command: "say still here")
            let back = await fixture.events(console, until: { $0.line == "[Server thread/INFO]: [Server] still here" })
            #expect(back.contains(.reconnected))
            #expect(back.firstIndex(of: .reconnected)! < back.count - 1)
            #expect(back.filter { $0.line == "[Server thread/INFO]: [Server] still here" }.count == 1)
            #expect(console.socketsOpened == 2)
            // The token is reused on the new socket.
            #expect(console.tokensFetched == 1)
            await console.close()
        }
    }

    @Test func pelicanClosesASuspendedServersConsoleWith4409() async throws {
        try await ConsoleFixture.run({ $0.console.flavor = .pelican }) { fixture in
            let console = fixture.console()
            try await console.connect()
            _ = try await fixture.drain(console)
            try await fixture.client.suspendServer(id: fixture.server.id)
            while await console.next(timeout: ConsoleFixture.eventTimeout) != nil {}
            #expect(console.failure?.status == .suspended)
            #expect(console.failure?.closeCode == 4409)
            #expect(console.socketsOpened == 1)
            await #expect(throws: ConsoleError.self) { try await console.send(command: "list") }
            // A new console of the suspended server: the panel or Wings refuses it, in words.
            let again = fixture.console()
            await #expect(throws: (any Error).self) { try await again.connect() }
        }
    }

    @Test func eventsAreTyped() {
        #expect(ConsoleEvent.parse(#"{"event":"console output","args":["hi"]}"#) == .consoleOutput("hi"))
        #expect(ConsoleEvent.parse(#"{"event":"token expiring"}"#) == .tokenExpiring)
        #expect(ConsoleEvent.parse(#"{"event":"throttled","args":["send command"]}"#) == .throttled("send command"))
        let backup = #"{"uuid":"b1","is_successful":true,"checksum":"ab","checksum_type":"sha1","file_size":10}"#
        let quoted = String(decoding: try! JSONEncoder().encode([backup]), as: UTF8.self)
        guard case .backupCompleted(let plain)? = ConsoleEvent.parse(#"{"event":"backup completed","args":\#(quoted)}"#) else {
            Issue.record("not a backup"); return
        }
        #expect(plain.uuid == "b1" && plain.isSuccessful && plain.fileSize == 10)
        // Wings v1.0 to v1.5 name the event with the backup's uuid.
        let named = #"{"is_successful":false,"checksum":"","checksum_type":"sha1","file_size":0}"#
        let namedQuoted = String(decoding: try! JSONEncoder().encode([named]), as: UTF8.self)
        guard case .backupCompleted(let old)? = ConsoleEvent.parse(#"{"event":"backup completed:u-2","args":\#(namedQuoted)}"#) else {
            Issue.record("not a backup"); return
        }
        #expect(old.uuid == "u-2" && !old.isSuccessful)
        // Out of range or unknown: kept as `.other`, never a wrong number.
        let negative = String(decoding: try! JSONEncoder().encode([#"{"memory_bytes":-1,"memory_limit_bytes":0,"cpu_absolute":0}"#]), as: UTF8.self)
        #expect(ConsoleEvent.parse(#"{"event":"stats","args":\#(negative)}"#)?.name == "stats")
        if case .stats? = ConsoleEvent.parse(#"{"event":"stats","args":\#(negative)}"#) { Issue.record("a negative stat was accepted") }
        #expect(ConsoleEvent.parse(#"{"event":"new thing","args":["a","b"]}"#) == .other(name: "new thing", args: ["a", "b"]))
        #expect(ConsoleEvent.parse("not json") == nil)
        #expect(ConsoleEvent.parse(#"{"event":"install output","args":["step 1"]}"#) == .installOutput("step 1"))
        #expect(ConsoleEvent.parse(#"{"event":"status","args":["starting"]}"#) == .status("starting"))
        #expect(ConsoleEvent.parse(#"{"event":"deleted","args":["null"]}"#) == .deleted)
    }

    @Test func aFrameLongerThanPelicansLimitIsNotSent() async throws {
        try await ConsoleFixture.run({ $0.console.flavor = .pelican }) { fixture in
            let console = fixture.console()
            try await console.connect()
            let failure = await #expect(throws: ConsoleError.self) { try await console.send(command: String(repeating: "x", count: 5000)) }
            #expect(failure?.status == .invalid)
            #expect(failure?.message.contains("at most 4096") == true)
            // The socket is still open.
            try await console.send(command: "list")
            #expect(console.failure == nil)
            #expect(console.socketsOpened == 1)
            await console.close()
        }
    }

    @Test func plainWebsocketToAnotherMachineNeedsInsecure() async throws {
        let token = WebsocketToken(token: "header.payload.signature", socket: "ws://node.example.com:8080/api/servers/u/ws")
        let console = ConsoleConnection(server: "abc", settings: ConsoleSettings(origin: "https://panel.example.com")) { token }
        let failure = await #expect(throws: ConsoleError.self) { try await console.connect() }
        #expect(failure?.status == .invalid)
        #expect(failure?.message.contains("ws://node.example.com:8080/api/servers/u/ws") == true)
        #expect(failure?.message.contains("--insecure") == true)
        #expect(failure?.message.contains("header.payload") == false)
        let query = try ConsoleAddress("wss://node.example.com/api/servers/u/ws?token=secret-thing")
        #expect(query.target == "/api/servers/u/ws?token=secret-thing")
        #expect(query.shown == "wss://node.example.com/api/servers/u/ws")
        #expect(throws: ConsoleError.self) { try ConsoleAddress("ftp://node.example.com/x") }
    }
}

/// Counts calls from concurrent closures.
final class Counter: Sendable {
    private let count = Mutex(0)
    func increment() -> Int { count.withLock { $0 += 1; return $0 } }
}
