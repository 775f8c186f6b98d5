import Foundation
import Testing
@testable import PteroKit
@testable import PteroSim

/// A live sim on a manual clock, a client on it and one plain offline server,
/// for the console client's tests: time moves only through `POST /_sim/clock`.
struct ConsoleFixture {
    let sim: LiveSim
    let client: PanelClient
    let server: PteroSim.Server
    /// Waits this long for any one event (generous for a loaded machine; no passing test waits it out).
    static let eventTimeout: Duration = .seconds(10)

    static func run(_ configure: @escaping (inout SimulatorOptions) -> Void = { _ in },
                    _ body: (ConsoleFixture) async throws -> Void) async throws {
        let sim = try await LiveSim.start {
            $0.clock = .manual()
            configure(&$0)
        }
        let client = try sim.client()
        let server = sim.panel.store.withState { state -> PteroSim.Server in
            let server = state.sortedValues(state.servers).first { $0.status == nil && $0.ownerId > 2 }!
            state.servers[server.id]?.power = PowerState()
            return state.servers[server.id]!
        }
        let fixture = ConsoleFixture(sim: sim, client: client, server: server)
        do {
            try await body(fixture)
        } catch {
            await sim.stop(client)
            throw error
        }
        await sim.stop(client)
    }

    /// A console of the server with the panel's URL as Origin (or `origin`).
    func console(origin: String? = nil, fetchToken: ConsoleConnection.TokenSource? = nil,
                 _ configure: (inout ConsoleSettings) -> Void = { _ in }) -> ConsoleConnection {
        var settings = ConsoleSettings(origin: origin ?? ConsoleSettings.origin(panelURL: sim.url))
        settings.reconnectDelay = .milliseconds(1)
        settings.authenticationTimeout = Self.eventTimeout
        configure(&settings)
        let identifier = server.identifier
        let client = client
        return ConsoleConnection(server: identifier, settings: settings, fetchToken: fetchToken ?? { try await client.websocketToken(server: identifier) })
    }

    /// `POST /_sim/clock {"advance": seconds}`: the consoles' timers fire at once.
    func advance(_ seconds: Double) async throws {
        let body = try OrderedJSON.object([("advance", .double(seconds))]).encoded()
        let answer = try await client.executor.perform(PanelRequest(.post, "/_sim/clock", api: .application, body: .json(body)))
        #expect(answer.status == 200)
    }

    /// Starts the server and moves the clock until it runs.
    func startRunning(_ console: ConsoleConnection) async throws {
        try await client.sendPowerSignal(server: server.identifier, signal: .start)
        try await advance(5)
        _ = await events(console, until: { $0.line == EggConsole.doneLine })
    }

    /// Events up to and including the first that `matches`; records an issue when none comes in time.
    func events(_ console: ConsoleConnection, until matches: (ConsoleEvent) -> Bool,
                sourceLocation: SourceLocation = #_sourceLocation) async -> [ConsoleEvent] {
        var seen: [ConsoleEvent] = []
        while let event = await console.next(timeout: Self.eventTimeout) {
            seen.append(event)
            if matches(event) { return seen }
        }
        Issue.record("no such event in time; saw \(seen.map(\.name))", sourceLocation: sourceLocation)
        return seen
    }

    /// Everything the node sent before its answer to a marker sent now (the sim
    /// answers a socket's frames in order; `send stats` is answered by one `stats`).
    func drain(_ console: ConsoleConnection, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [ConsoleEvent] {
        try await console.setState("no-such-action")
        var seen = await events(console, until: { if case .daemonError = $0 { true } else { false } }, sourceLocation: sourceLocation)
        if case .daemonError? = seen.last { seen.removeLast() }
        return seen
    }
}

extension ConsoleEvent {
    var line: String? {
        if case .consoleOutput(let line) = self { return line }
        return nil
    }
}
