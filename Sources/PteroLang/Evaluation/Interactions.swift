import Synchronization

/// Where in a run an interaction with the world outside happens (a panel
/// request, `now()`, a confirmation), numbered so that a rerun of the same
/// script reaches the same numbers in the same places whatever the threads
/// do: a journal can then answer each one with what the first run saw.
///
/// The script's own statements number their interactions 1, 2, 3, ...; a
/// `parallel for` takes one number and numbers each turn under it by the
/// element's place (`7.3.1` is turn 3's first interaction of the loop at
/// 7), and a bulk job numbers its items the same way (`5.12`).
public struct InteractionPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let steps: [Int]

    public init(_ steps: [Int]) { self.steps = steps }

    /// Reads `3.12.1` back; nil for anything else.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var steps: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 12, part.allSatisfy(\.isASCII), let step = Int(part), step >= 0 else { return nil }
            steps.append(step)
        }
        guard !steps.isEmpty, steps.count <= 64 else { return nil }
        self.steps = steps
    }

    /// The position of the `index`-th (from 1) part of this one: a bulk
    /// job's item, a parallel turn; 0 numbers what a `parallel for` asks to
    /// fetch its elements.
    public func item(_ index: Int) -> InteractionPosition { InteractionPosition(steps + [index]) }

    public var description: String { steps.map(String.init).joined(separator: ".") }

    public static func < (left: InteractionPosition, right: InteractionPosition) -> Bool {
        left.steps.lexicographicallyPrecedes(right.steps)
    }
}

/// One numbered sequence of interactions: the script's, or one turn of a
/// `parallel for`. Used only by the thread that holds the interpreter lock.
final class InteractionSequence {
    let prefix: [Int]
    private var next = 1
    /// Tells sequences apart for a host's per-statement caches (a turn's
    /// reads must not be served from another turn's, whose timing differs
    /// between runs).
    let serial = InteractionSequence.serials.add(1, ordering: .relaxed).newValue
    private static let serials = Atomic<Int>(0)

    init(prefix: [Int]) { self.prefix = prefix }

    func take() -> InteractionPosition {
        defer { next += 1 }
        return InteractionPosition(prefix + [next])
    }
}

/// What answers the builtins whose answer the script does not fix
/// (`now()`, `env()`, `read_file()`, `sleep()`): a host with a journal
/// records the live answer, and gives it back on a replay without asking
/// the world again (a replayed `sleep` does not sleep).
public protocol InteractionRecorder: AnyObject {
    /// The answer to `question` (`now()`, `env("HOME")`) at `position`:
    /// from the journal on a replay, else `live()`, recorded.
    func answer(_ question: String, at position: InteractionPosition, live: () throws -> Value) throws -> Value
}

extension Interpreter {
    /// Numbers the next interaction of the code running now (see
    /// `InteractionPosition`). Call it while holding the interpreter, before
    /// waiting outside.
    public func nextInteraction() -> InteractionPosition {
        (ParallelWorker.current?.sequence ?? mainSequence).take()
    }

    /// Which sequence the code running now numbers its interactions in:
    /// hosts key per-statement caches by it.
    public var interactionSequence: Int { (ParallelWorker.current?.sequence ?? mainSequence).serial }

    /// Answers a question about the world outside through the recorder,
    /// or live when there is none.
    func outside(_ question: String, live: () throws -> Value) throws -> Value {
        guard let recorder else { return try live() }
        return try recorder.answer(question, at: nextInteraction(), live: live)
    }
}
