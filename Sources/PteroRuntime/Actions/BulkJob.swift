import Foundation
import Synchronization
import PteroKit
import PteroLang

/// The same action on every element of a query: one task per element on
/// the shared executor, which keeps the pace under the panel's limit.
/// A failure never stops the job; the report lists each one.
struct BulkJob {
    let action: ResourceAction
    let session: PanelSession
    /// What the elements are, for the confirmation question: `servers`.
    let label: String
    enum Outcome: Sendable {
        case succeeded
        /// Printed by a dry run, not sent.
        case planned
        /// Skipped: the journal says an earlier run did it.
        case alreadyDone
        case failed(String)
        case notStarted
    }

    /// Jobs larger than this ask for confirmation even for harmless actions.
    static let confirmationThreshold = 10
    /// How soon the progress line says "stopping" after Ctrl-C.
    static let interruptionCheck = Duration.milliseconds(50)

    func run(on elements: [Value], arguments: inout Arguments) throws -> Value {
        try session.stopIfInterrupted()
        var requests: [(item: Value, request: PanelRequest)] = []
        for element in elements {
            guard case .host(let resource as Resource) = element else {
                throw RuntimeError("\(action.name)() on a collection needs panel objects, found \(element.describedType)")
            }
            requests.append((element, try action.request(resource, &arguments)))
        }
        if action.isDestructive || requests.count > Self.confirmationThreshold {
            try session.confirm("\(action.name) \(requests.count) \(label)")
        }
        let client = session.client, gate = session.gate, send = session.sender
        let interruption = session.interruption, notify = session.progress
        let plain = requests.map(\.request)
        if let first = plain.first { try gate.refuseIfReadOnly(first) }
        // The job is one interaction of the script; item i is its i-th part,
        // whatever order the tasks finish in.
        let job = session.journal == nil ? nil : session.nextPosition()
        let positions = plain.indices.map { job?.item($0 + 1) }
        // What the journal answers is settled before anything is sent: a
        // divergence stops the job before its first request, and a write
        // left in flight by a kill is judged before the others go.
        var results = [Outcome](repeating: .notStarted, count: plain.count)
        var pending = Array(plain.indices)
        if job != nil {
            let settled = try session.wait {
                var settled: [Outcome?] = []
                for index in plain.indices {
                    do {
                        switch try await gate.settle(plain[index], at: positions[index], send: send) {
                        case nil: settled.append(nil)
                        case .replayed?: settled.append(.alreadyDone)
                        case .planned?: settled.append(.planned)
                        case .sent?: settled.append(.succeeded)
                        }
                    } catch let error as JournalError {
                        throw error
                    } catch {
                        settled.append(.failed((error as? PanelError)?.description ?? "\(error)"))
                    }
                }
                return settled
            }
            pending = plain.indices.filter { settled[$0] == nil }
            for index in plain.indices { if let outcome = settled[index] { results[index] = outcome } }
        }
        var start = BulkProgress(action: action.name, total: plain.count)
        start.done = plain.count - pending.count
        start.failed = results.filter { if case .failed = $0 { true } else { false } }.count
        if let api = plain.first?.api {
            let window = client.executor.settings.window.components
            let seconds = Double(window.seconds) + Double(window.attoseconds) / 1e18
            if seconds > 0 { start.rateCeiling = Double(client.executor.currentLimit(api)) / seconds }
        }
        let tracker = ProgressTracker(start)
        let settledResults = results, waiting = pending
        let advance: @Sendable (_ change: (inout BulkProgress) -> Void) -> Void = { change in
            if let snapshot = tracker.update(change) { notify?(snapshot) }
        }
        let outcomes: [Outcome]
        do {
            let width = max(1, client.executor.settings.concurrency)
            outcomes = try session.wait {
                let answers = await Self.eachBounded(waiting.count, width: width, interruption: interruption,
                                                     stopping: { advance { $0.isStopping = true } }) { turn -> Outcome in
                    let index = waiting[turn]
                    let request = plain[index], position = positions[index]
                    if interruption?.isRaised == true {
                        advance { $0.skipped += 1 }
                        return .notStarted
                    }
                    advance { $0.inFlight += 1 }
                    do {
                        let outcome = try await gate.sendLive(request, at: position, send: send)
                        advance { $0.inFlight -= 1; $0.done += 1 }
                        switch outcome {
                        case .sent: return .succeeded
                        case .planned: return .planned
                        case .replayed: return .alreadyDone
                        }
                    } catch is CancellationError {
                        // A second Ctrl-C abandoned it in flight: not a
                        // failure of the panel's, and not journaled.
                        advance { $0.inFlight -= 1; $0.abandoned += 1 }
                        return .notStarted
                    } catch {
                        advance { $0.inFlight -= 1; $0.done += 1; $0.failed += 1 }
                        return .failed((error as? PanelError)?.description ?? "\(error)")
                    }
                }
                var results = settledResults
                for (turn, outcome) in answers.enumerated() { results[waiting[turn]] = outcome }
                return results
            }
        } catch let interrupted as Interrupted {
            // A second Ctrl-C abandoned the requests in flight: the gate
            // journals only answered writes, so a rerun resends these.
            if let snapshot = tracker.close({ $0.abandoned += $0.inFlight; $0.inFlight = 0; $0.isFinished = true }) {
                notify?(snapshot)
            }
            throw interrupted
        }
        advance { $0.isFinished = true }
        // The summary line has said what was done; the script stops as
        // Ctrl-C asks (a rerun with the journal does the rest).
        if outcomes.contains(where: { if case .notStarted = $0 { true } else { false } }) { throw Interrupted() }
        let report = BulkReport(action: action.name)
        for (entry, outcome) in zip(requests, outcomes) {
            switch outcome {
            case .succeeded: report.succeeded.append(entry.item)
            case .planned:
                report.succeeded.append(entry.item)
                report.planned += 1
            case .alreadyDone:
                report.succeeded.append(entry.item)
                report.alreadyDone += 1
            case .failed(let message): report.failed.append((entry.item, message))
            case .notStarted: report.notStarted.append(entry.item)
            }
        }
        return .host(report)
    }
}

extension BulkJob {
    /// Runs `work` for turns 0..<count, at most `width` at once (the
    /// executor's concurrency, so a Ctrl-C stops the rest from starting and
    /// a console job holds no more sockets than that), and calls `stopping`
    /// as soon as Ctrl-C comes (a signal handler can only raise a flag, and
    /// the calls in flight may take a while). The answers in turn order.
    static func eachBounded<Answer: Sendable>(_ count: Int, width: Int, interruption: InterruptFlag?,
                                              stopping: @escaping @Sendable () -> Void,
                                              _ work: @escaping @Sendable (Int) async -> Answer) async -> [Answer] {
        await withTaskGroup(of: (Int, Answer)?.self) { group in
            var answers = [Answer?](repeating: nil, count: count)
            var next = 0, answered = 0
            group.addTask {
                while !Task.isCancelled, interruption?.isRaised != true {
                    try? await Task.sleep(for: Self.interruptionCheck)
                }
                if !Task.isCancelled { stopping() }
                return nil
            }
            func start(_ turn: Int) { group.addTask { (turn, await work(turn)) } }
            while next < min(width, count) { start(next); next += 1 }
            if count == 0 { group.cancelAll() }
            for await answer in group {
                guard let answer else { continue }
                answers[answer.0] = answer.1
                answered += 1
                if next < count { start(next); next += 1 }
                if answered == count { group.cancelAll() }
            }
            return answers.map { $0! }
        }
    }
}

/// The job's progress, updated from its concurrent tasks.
final class ProgressTracker: Sendable {
    private let state: Mutex<(progress: BulkProgress, closed: Bool)>
    private let start = ContinuousClock.now

    init(_ initial: BulkProgress) {
        state = Mutex((initial, false))
    }

    /// The progress after `change`; nil once the job was abandoned, whose
    /// last line has been shown (its cancelled tasks still report in).
    func update(_ change: (inout BulkProgress) -> Void) -> BulkProgress? {
        update(change, closing: false)
    }

    /// The last change: later updates are dropped.
    func close(_ change: (inout BulkProgress) -> Void) -> BulkProgress? {
        update(change, closing: true)
    }

    private func update(_ change: (inout BulkProgress) -> Void, closing: Bool) -> BulkProgress? {
        state.withLock { state in
            guard !state.closed else { return nil }
            change(&state.progress)
            state.progress.elapsed = ContinuousClock.now - start
            state.closed = closing
            return state.progress
        }
    }
}

extension BulkJob {
    /// `servers.take(5).suspend()`: a list of panel objects of one kind
    /// runs their action as a bulk job, as a query does.
    static func onList(_ name: String, _ list: ListObject, _ arguments: inout Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard case .host(let first as Resource)? = list.items.first else { return nil }
        let console = ConsoleBulkJob.handles(name, object: first.kind.object)
        let action = console ? nil : try ResourceAction.find(name, for: first.kind.object, in: first.dialect)
        guard console || action != nil else { return nil }
        guard let session = first.session else { throw RuntimeError("\(first.displayText) is not connected to a panel") }
        for item in list.items {
            guard case .host(let resource as Resource) = item, resource.kind == first.kind else {
                throw RuntimeError("\(name)() on a list needs objects of one kind (\(first.kind.typeName)), found \(item.describedType)")
            }
        }
        let label = first.kind.typeName.lowercased() + (list.items.count == 1 ? "" : "s")
        guard let action else { return try ConsoleBulkJob(name: name, session: session, label: label).run(on: list.items, arguments: arguments) }
        return try BulkJob(action: action, session: session, label: label).run(on: list.items, arguments: &arguments)
    }
}
