import Foundation
import PteroKit
import PteroLang
import Synchronization
import Testing
@testable import PteroRuntime

/// A write whose answer is lost after it may have reached the panel (a
/// dropped connection, a gateway's 504) is judged by what the panel then
/// shows, never sent again blindly (`WriteGate.deliver`). The fake panel
/// here holds one server's name and counts what it is asked.
struct LostAnswerTests {
    /// How the fake panel treats the next PATCH.
    enum Trouble: Sendable {
        /// Applies it, then the connection drops before the answer.
        case dropAfter
        /// Drops the connection before reading it.
        case dropBefore
        /// Applies it, then a gateway answers 504.
        case gatewayTimeoutAfter
    }

    final class FakePanel: Sendable {
        struct State {
            var name = "old"
            var troubles: [Trouble]
            var patches = 0
            var reads = 0
            var posts = 0
        }
        let state: Mutex<State>
        init(_ troubles: [Trouble]) { state = Mutex(State(troubles: troubles)) }

        static let lost = TransportError(kind: .connectionLost, reachedPanel: true, message: "the connection was closed before the answer")

        func send(_ request: PanelRequest) async throws -> PanelResponse {
            try state.withLock { state in
                switch request.method {
                case .get:
                    state.reads += 1
                    return PanelResponse(status: 200, body: Data(#"{"object":"server","attributes":{"id":7,"name":"\#(state.name)","description":""}}"#.utf8))
                case .patch:
                    state.patches += 1
                    let trouble = state.troubles.isEmpty ? nil : state.troubles.removeFirst()
                    if case .dropBefore? = trouble { throw Self.lost }
                    state.name = "new"
                    if case .dropAfter? = trouble { throw Self.lost }
                    if case .gatewayTimeoutAfter? = trouble { return PanelResponse(status: 504, body: Data("Gateway Timeout".utf8)) }
                    return PanelResponse(status: 200, body: Data(#"{"object":"server","attributes":{"id":7,"name":"new","description":""}}"#.utf8))
                default:
                    state.posts += 1
                    throw Self.lost
                }
            }
        }
    }

    static let rename = PanelRequest(.patch, "/api/application/servers/7/details", body: .json(Data(#"{"name":"new"}"#.utf8)))

    func gate() -> WriteGate { WriteGate(settings: .init(), report: { _ in }) }

    @Test func anAnswerLostAfterThePanelDidTheWriteIsFoundDoneAndNotSentAgain() async throws {
        let panel = FakePanel([.dropAfter])
        let outcome = try await gate().submit(Self.rename, send: panel.send)
        guard case .sent(let response) = outcome else { Issue.record("expected the write to count as sent, got \(outcome)"); return }
        #expect(String(decoding: response.body, as: UTF8.self).contains(#""name":"new""#))
        let state = panel.state.withLock { $0 }
        #expect(state.patches == 1)
        #expect(state.reads == 1)
    }

    @Test func aGatewayTimeoutAfterThePanelDidTheWriteIsFoundDone() async throws {
        let panel = FakePanel([.gatewayTimeoutAfter])
        let outcome = try await gate().submit(Self.rename, send: panel.send)
        guard case .sent(let response) = outcome else { Issue.record("expected the write to count as sent, got \(outcome)"); return }
        #expect(response.status == 200)
        #expect(panel.state.withLock { $0.patches } == 1)
    }

    @Test func aWriteTheConnectionLostBeforeThePanelSawItIsSentAgainOnce() async throws {
        let panel = FakePanel([.dropBefore])
        _ = try await gate().submit(Self.rename, send: panel.send)
        let state = panel.state.withLock { $0 }
        #expect(state.patches == 2)
        #expect(state.name == "new")
    }

    @Test func aWriteNoReadCanJudgeIsNotSentAgainAndTheErrorSaysThePanelMayHaveDoneIt() async throws {
        let panel = FakePanel([])
        let reinstall = PanelRequest(.post, "/api/application/servers/7/reinstall")
        await #expect { try await gate().submit(reinstall, send: panel.send) } throws: { error in
            "\(error)".contains("may have done POST /api/application/servers/7/reinstall")
        }
        #expect(panel.state.withLock { $0.posts } == 1)
    }

    @Test func aJournalRecordsALostAnswerFoundDoneAsFoundOnThePanel() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let journal = try Journal(path: path)
        try journal.begin(script: "/scripts/test.ptero", source: "test", arguments: [])
        let gate = WriteGate(settings: .init(), journal: journal, report: { _ in })
        let panel = FakePanel([.dropAfter])
        _ = try await gate.submit(Self.rename, at: InteractionPosition([1]), send: panel.send)
        #expect(journal.counts.foundDone == 1)
        #expect(panel.state.withLock { $0.patches } == 1)
    }
}
