import Foundation
import PteroKit
import PteroLang

/// `(servers where node == 3).run("save-all", until: "Saved")`, and
/// `wait_for`, `wait_state` and `stats` the same way: one console call on
/// every server of a query or list, as a bulk job (`BulkJob`). At most the
/// executor's concurrency of servers are worked on at once, and each
/// server's socket is closed when its call is done, so the job never holds
/// more sockets than that. A server that fails (offline, a timeout) is that
/// item's failure and the job goes on; Ctrl-C starts no new item; a dry run
/// prints each command and opens no socket; with a journal each item is an
/// interaction at the job's `item(i)`, settled before any is sent.
struct ConsoleBulkJob {
    let name: String
    let session: PanelSession
    /// What the elements are, for the confirmation question: `servers`.
    let label: String

    enum Outcome: Sendable {
        case answered(Data)
        /// Answered from the journal: an earlier run did it.
        case replayed(Data)
        case failed(String)
        /// The journal could not record it: the script stops (nothing more is sent).
        case unrecorded(JournalError)
        case notStarted
    }

    /// The console methods a query or list of servers runs as a bulk job.
    static func handles(_ name: String, object: String) -> Bool {
        object == "server" && ServerConsoleMembers.methods.contains(name)
    }

    func run(on elements: [Value], arguments: Arguments) throws -> Value {
        try session.stopIfInterrupted()
        var servers: [(item: Value, server: Resource, reached: ServerConsoleMembers.Reached)] = []
        for element in elements {
            guard case .host(let server as Resource) = element, server.kind.object == "server" else {
                throw RuntimeError("\(name)() on a collection needs servers, found \(element.describedType)")
            }
            servers.append((element, server, try ServerConsoleMembers.reach(server, name)))
        }
        let report = BulkReport(action: name)
        guard let first = servers.first else { return .host(report) }
        let call = try ServerConsoleMembers.consoleCall(name, arguments, callee: "\(label).\(name)", settings: first.reached.settings)
        // Commands to many servers ask first, as other bulk writes do; reads never.
        if call.isWrite && servers.count > BulkJob.confirmationThreshold {
            try session.confirm("\(name) \(servers.count) \(label)")
        }
        // A dry run (or a read-only profile's refusal) decides for every item alike.
        if let planned = try ServerConsoleMembers.plan(call, on: first.server, gate: session.gate) {
            report.succeeded.append(first.item)
            report.answers.append((first.item, planned))
            for entry in servers.dropFirst() {
                report.succeeded.append(entry.item)
                report.answers.append((entry.item, try ServerConsoleMembers.plan(call, on: entry.server, gate: session.gate) ?? call.plannedAnswer))
            }
            if call.isWrite { report.planned = servers.count }
            return .host(report)
        }
        let journal = session.journal
        let job = journal == nil ? nil : session.nextPosition()
        let positions = servers.indices.map { job?.item($0 + 1) }
        // The journal's answers first: a command in flight at a kill stops
        // the job before anything is sent.
        var results = [Outcome](repeating: .notStarted, count: servers.count)
        var pending: [Int] = []
        for index in servers.indices {
            do {
                if let answer = try ConsoleJournal.settle(call, server: servers[index].reached.identifier, at: positions[index], journal: journal) {
                    results[index] = .replayed(answer)
                } else {
                    pending.append(index)
                }
            } catch let error as JournalError {
                throw PanelSession.uncatchable(error)
            } catch let error as ReplayedFailure {
                results[index] = .failed(error.description)
            }
        }
        var start = BulkProgress(action: name, total: servers.count)
        start.done = servers.count - pending.count
        start.failed = results.filter { if case .failed = $0 { true } else { false } }.count
        let tracker = ProgressTracker(start), notify = session.progress, interruption = session.interruption
        let advance: @Sendable (_ change: (inout BulkProgress) -> Void) -> Void = { change in
            if let snapshot = tracker.update(change) { notify?(snapshot) }
        }
        let work = pending.map { (console: servers[$0].reached.console, identifier: servers[$0].reached.identifier, position: positions[$0]) }
        let width = max(1, session.client.executor.settings.concurrency)
        let answers: [Outcome]
        do {
            answers = try session.wait {
                await BulkJob.eachBounded(work.count, width: width, interruption: interruption,
                                          stopping: { advance { $0.isStopping = true } }) { turn -> Outcome in
                    let item = work[turn]
                    if interruption?.isRaised == true {
                        advance { $0.skipped += 1 }
                        return .notStarted
                    }
                    advance { $0.inFlight += 1 }
                    do {
                        let answer = try await ConsoleJournal.performLive(call, on: item.console, server: item.identifier,
                                                                          at: item.position, journal: journal)
                        await item.console.close()
                        advance { $0.inFlight -= 1; $0.done += 1 }
                        return .answered(answer)
                    } catch is CancellationError {
                        await item.console.close()
                        advance { $0.inFlight -= 1; $0.abandoned += 1 }
                        return .notStarted
                    } catch let error as JournalError {
                        await item.console.close()
                        advance { $0.inFlight -= 1; $0.done += 1; $0.failed += 1 }
                        return .unrecorded(error)
                    } catch {
                        await item.console.close()
                        advance { $0.inFlight -= 1; $0.done += 1; $0.failed += 1 }
                        return .failed(ConsoleJournal.message(of: error))
                    }
                }
            }
        } catch let interrupted as Interrupted {
            if let snapshot = tracker.close({ $0.abandoned += $0.inFlight; $0.inFlight = 0; $0.isFinished = true }) {
                notify?(snapshot)
            }
            throw interrupted
        }
        advance { $0.isFinished = true }
        for (turn, index) in pending.enumerated() { results[index] = answers[turn] }
        if let failure = results.lazy.compactMap({ if case .unrecorded(let error) = $0 { error } else { nil } }).first {
            throw PanelSession.uncatchable(failure)
        }
        if results.contains(where: { if case .notStarted = $0 { true } else { false } }) { throw Interrupted() }
        for (entry, outcome) in zip(servers, results) {
            switch outcome {
            case .answered(let answer):
                report.succeeded.append(entry.item)
                report.answers.append((entry.item, try ConsoleCall.value(of: answer)))
            case .replayed(let answer):
                report.succeeded.append(entry.item)
                report.answers.append((entry.item, try ConsoleCall.value(of: answer)))
                report.alreadyDone += 1
            case .failed(let message): report.failed.append((entry.item, message))
            case .notStarted, .unrecorded: report.notStarted.append(entry.item)
            }
        }
        return .host(report)
    }
}
