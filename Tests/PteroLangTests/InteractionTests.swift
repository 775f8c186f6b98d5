import Foundation
import Synchronization
import Testing
@testable import PteroLang

/// The embedding contract a journal stands on: every interaction with the
/// world outside gets a position that a rerun of the same script reaches
/// in the same place, whatever the threads of a `parallel for` do, and the
/// builtins whose answer the script does not fix ask the host's recorder.
struct InteractionTests {
    /// A test host value: `world.ask(x)` is an interaction that waits
    /// outside for a while that differs from run to run (as a panel's
    /// answers do), and remembers at which position it was asked what.
    final class World: HostValue {
        let asked = Mutex<[InteractionPosition: String]>([:])
        let delays: [Double]
        private var calls = 0

        init(delays: [Double]) { self.delays = delays }

        var typeName: String { "World" }

        func callMethod(_ name: String, arguments: inout Arguments, interpreter: Interpreter) throws -> Value? {
            guard name == "ask" else { return nil }
            let position = interpreter.nextInteraction()
            let delay = delays[calls % delays.count]
            calls += 1
            Interpreter.waitingOutside { Thread.sleep(forTimeInterval: delay) }
            asked.withLock { $0[position] = arguments[0].displayText }
            return .null
        }
    }

    func positions(delays: [Double]) throws -> [InteractionPosition: String] {
        let interpreter = Interpreter(output: { _ in })
        let world = World(delays: delays)
        interpreter.globals.defineConstant("world", .host(world))
        _ = try interpreter.run(Source(name: "t.ptero", text: """
            world.ask("before")
            parallel(4) for i in range(12) {
                world.ask(i)
                world.ask(i * 100)
            }
            world.ask("after")
            """))
        return world.asked.withLock { $0 }
    }

    @Test func aParallelLoopNumbersEachTurnByItsElementNotByItsThread() throws {
        // Two runs whose waits end in different orders.
        let first = try positions(delays: [0.004, 0.0, 0.002, 0.001, 0.003])
        let second = try positions(delays: [0.0, 0.003, 0.0, 0.004, 0.001, 0.002, 0.0])
        #expect(first == second)
        #expect(first[InteractionPosition([1])] == "before")
        #expect(first[InteractionPosition([2, 4, 1])] == "3")
        #expect(first[InteractionPosition([2, 4, 2])] == "300")
        #expect(first[InteractionPosition([3])] == "after")
        #expect(first.count == 26)
    }

    /// Records what the builtins asked, and answers from a script of its own
    /// instead of asking the world when told to (a replay).
    final class Recorder: InteractionRecorder {
        var asked: [(String, InteractionPosition)] = []
        var livesCalled = 0
        var answers: [InteractionPosition: Value]?

        func answer(_ question: String, at position: InteractionPosition, live: () throws -> Value) throws -> Value {
            asked.append((question, position))
            if let answers, let recorded = answers[position] { return recorded }
            livesCalled += 1
            return try live()
        }
    }

    @Test func builtinsTheScriptDoesNotFixAskTheRecorder() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("interaction-\(UUID().uuidString).txt")
        try "first line\n".write(to: file, atomically: true, encoding: .utf8)
        let code = "print(now() > 0, env(\"PTERO_TEST_UNSET_VARIABLE\", \"none\"), read_file(\(Value.quote(file.path))).trim())\nsleep(0.01)"
        let recorder = Recorder()
        var output: [String] = []
        let interpreter = Interpreter(output: { output.append($0) })
        interpreter.recorder = recorder
        _ = try interpreter.run(Source(name: "t.ptero", text: code))
        #expect(recorder.asked.map(\.0) == ["now()", "env(\"PTERO_TEST_UNSET_VARIABLE\")", "read_file(\(Value.quote(file.path)))", "sleep(0.01)"])
        #expect(recorder.asked.map(\.1) == (1...4).map { InteractionPosition([$0]) })
        #expect(recorder.livesCalled == 4)
        #expect(output.joined() == "true none first line\n")
    }

    @Test func aReplayedBuiltinGivesTheRecordedAnswerWithoutAskingTheWorld() throws {
        let recorder = Recorder()
        // A sleep of an hour: replayed, it is over at once (else the test would hang).
        recorder.answers = [InteractionPosition([1]): .double(1_700_000_000.5), InteractionPosition([2]): .string("from the journal"),
                            InteractionPosition([3]): .string("recorded text"), InteractionPosition([4]): .null]
        var output: [String] = []
        let interpreter = Interpreter(output: { output.append($0) })
        interpreter.recorder = recorder
        _ = try interpreter.run(Source(name: "t.ptero", text: """
            print(now(), env("HOME"), read_file("/nonexistent/file"))
            sleep(3600)
            """))
        #expect(recorder.livesCalled == 0)
        #expect(output.joined() == "1700000000.5 from the journal recorded text\n")
    }

    @Test func positionsReadBackFromTheirText() {
        #expect(InteractionPosition(parsing: "3.12.1") == InteractionPosition([3, 12, 1]))
        #expect(InteractionPosition(parsing: "7.0.2") == InteractionPosition([7, 0, 2]))
        for bad in ["", "3.", ".3", "3..1", "-1", "a", "1.x", "99999999999999999999", "١"] {
            #expect(InteractionPosition(parsing: bad) == nil, "\(bad)")
        }
        #expect(InteractionPosition([2, 4]) < InteractionPosition([2, 4, 1]))
        #expect(InteractionPosition([2, 4, 1]) < InteractionPosition([3]))
    }
}
