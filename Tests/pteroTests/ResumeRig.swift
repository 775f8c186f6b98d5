import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A script the resume tests kill and resume: its file, its arguments, and
/// how to compare what it leaves on the panel.
struct ResumeScript: Sendable {
    let name: String
    let file: URL
    let arguments: [String]
    /// Added to the environment of the first (killed) run, and of the reference run.
    var firstEnvironment: [String: String] = [:]
    /// Added to the environment of each resumed run: a value that differs
    /// from the first run's shows whether the journal answered `env()`.
    var resumeEnvironment: [String: String] = [:]
    /// Makes a state dump comparable with the reference (hides what no two
    /// runs can share, such as a time stamp the script writes).
    var normalize: @Sendable (String) -> String = { $0 }
    /// A problem with a final state that comparing with the reference cannot see, or nil.
    var check: @Sendable (String) -> String? = { _ in nil }
    /// The resumed run's last output line must be the reference run's (ids it printed).
    var lastLineMustMatch = false
    /// A run of more than `everyKillUpTo` records is killed at this many
    /// points, spread evenly from its first record to its last (the
    /// issue's "dense sample"), to keep the suite near 3 minutes on 2 cores.
    var sampleLimit = 25
    /// Runs of at most this many records are killed before every one.
    static let everyKillUpTo = 30

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/resume")

    /// A script of `Tests/Fixtures/resume`.
    static func fixture(_ file: String, _ arguments: [String] = []) -> ResumeScript {
        ResumeScript(name: file, file: fixtures.appendingPathComponent(file), arguments: arguments)
    }

    /// A script of `scripts/examples`.
    static func example(_ file: String, _ arguments: [String]) -> ResumeScript {
        ResumeScript(name: file, file: ExampleRig.examples.appendingPathComponent(file), arguments: arguments)
    }
}

/// What an uninterrupted run of a script on a fresh panel leaves: the
/// state every resumed run must end in, and the writes it must not exceed.
struct ResumeReference {
    let state: String
    /// Writes the panel accepted (2xx), by `METHOD route`.
    let acceptedWrites: [String: Int]
    /// Console commands the sim's Wings ran, by server identifier: a console
    /// command is no API request, so `acceptedWrites` cannot see one sent twice.
    let consoleCommands: [String: Int]
    /// Lines of the run's journal: the kill points are 1...records.
    let records: Int
    let output: String
    /// What went wrong beside the reference itself (a rerun of the finished journal that sent something).
    let problems: [String]
}

/// One run of `ptero`, and whether it ended by SIGKILL.
struct PteroRun {
    let status: Int32
    let killed: Bool
    let output: String
    let errors: String

    var summary: String { killed ? "killed by SIGKILL" : "status \(status): \(errors.suffix(600))" }
}

/// A seeded `ptero sim` (`--rate-limit off`) on which a script is run with a
/// journal, killed by `PTERO_JOURNAL_KILL_BEFORE_RECORD=k`, resumed with
/// the same command until done, and compared with an uninterrupted run.
///
/// A resumed run that stops on a write in flight it cannot judge (exit 4)
/// is answered as a careful admin would: the panel's own counts
/// (`/_sim/stats`) say whether the panel got that request, and the rig runs
/// `ptero journal FILE --accept STEP` or `--retry STEP`, then the script again.
final class ResumeRig {
    let sim: SimProcess
    let url: String
    let applicationKey: String
    let folder: URL
    let environment: [String: String]

    /// Longest one run of ptero may take before the rig kills it and fails:
    /// a hung resume is a failure, not a hung test run.
    static let runTimeout: TimeInterval = 120
    /// Exit status of a resumed run that stops on a write in flight it cannot judge.
    static let undecidedStatus: Int32 = 4
    /// Rounds of accept/retry one resume may take: at most the executor's
    /// concurrency (8) of writes can be in flight at a kill.
    static let maximumDecisions = 12
    static let killVariable = "PTERO_JOURNAL_KILL_BEFORE_RECORD"

    struct RigError: Error, CustomStringConvertible { let description: String }

    /// The accept/retry decisions made so far: a test of the stop at a
    /// write in flight shows that the stop happened.
    private(set) var accepted = 0, retried = 0

    init(faultRate: Double = 0, faults: String = "all") throws {
        var arguments = ["--seed", "1", "--rate-limit", "off"]
        if faultRate > 0 { arguments += ["--fault-rate", String(faultRate), "--faults", faults] }
        sim = try SimProcess(arguments: arguments)
        guard let url = sim.url, let applicationKey = sim.applicationKey, let clientKey = sim.clientKey else {
            throw RigError(description: "ptero sim did not start: \(sim.banner)")
        }
        self.url = url
        self.applicationKey = applicationKey
        folder = try PteroBinary.temporaryFolder()
        environment = ["PTERO_APP_KEY": applicationKey, "PTERO_CLIENT_KEY": clientKey, "XDG_CONFIG_HOME": folder.path]
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    // MARK: the panel

    /// Restores the seed data. `/_sim/reset` replaces the whole state, its
    /// request counts included (`PanelStore.reset`: the stats live in
    /// `PanelState`); checked here, so counts after it are this run's alone.
    func reset() throws {
        _ = try ExampleRig.get(url + "/_sim/reset", key: applicationKey, method: "POST")
        let total = try stats()["total_requests"] as? Int
        guard total == 0 else { throw RigError(description: "/_sim/reset left \(total.map(String.init) ?? "no") requests counted") }
    }

    private func stats() throws -> [String: Any] {
        let body = try ExampleRig.get(url + "/_sim/stats", key: applicationKey)
        guard let stats = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
            throw RigError(description: "/_sim/stats is not an object: \(body.prefix(200))")
        }
        return stats
    }

    /// `/_sim/stats`' counts by `METHOD route`, then by status.
    func requestCounts() throws -> [String: [String: Int]] {
        try stats()["requests"] as? [String: [String: Int]] ?? [:]
    }

    /// Requests a killed run had sent may reach the sim after the process
    /// is gone (they sat in the socket); counting the resumed run's writes
    /// from before they land would charge them to it. Waits until the sim's
    /// request count holds still over two looks (at most 100 of them).
    func waitForTheKilledRunsRequests() throws {
        var last = try stats()["total_requests"] as? Int ?? 0
        for _ in 0..<100 {
            usleep(20_000)
            // `/_sim/stats` itself is not counted (SimRoutes, not the store).
            let now = try stats()["total_requests"] as? Int ?? 0
            if now == last { return }
            last = now
        }
    }

    /// Writes the panel accepted (2xx) since the last reset, by route.
    func acceptedWrites() throws -> [String: Int] {
        var accepted = [String: Int]()
        for (route, statuses) in try requestCounts() where Self.isWrite(route) {
            let count = statuses.filter { $0.key.hasPrefix("2") }.values.reduce(0, +)
            if count > 0 { accepted[route] = count }
        }
        return accepted
    }

    /// Console commands the sim's Wings ran since the last reset, by server identifier.
    func consoleCommands() throws -> [String: Int] {
        try stats()["console_commands"] as? [String: Int] ?? [:]
    }

    /// Writes the panel was sent since the last reset, whatever it answered.
    func writesSent() throws -> Int {
        try requestCounts().filter { Self.isWrite($0.key) }.values.flatMap(\.values).reduce(0, +)
    }

    /// A route of the stats that writes: `POST ...`, not `GET ...` nor
    /// `unmatched` (a route the panel has not got, such as the dialect
    /// probe's `GET /api/application/eggs`).
    static func isWrite(_ route: String) -> Bool {
        ["POST ", "PUT ", "PATCH ", "DELETE "].contains { route.hasPrefix($0) }
    }

    /// Every server's and user's identifying fields, one sorted line each.
    static let stateQuery = """
        let rows = []
        for s in servers.list { rows.push("server {s.id}|{s.name}|{s.suspended}|{s.limits.memory}|{s.user}|{s.node}|{s.external_id}") }
        for u in users.list { rows.push("user {u.id}|{u.email}|{u.username}") }
        print(rows.sort().join("\\n"))
        """

    func state() throws -> String {
        let result = try run(["--url", url, "-e", Self.stateQuery])
        guard result.status == 0 else { throw RigError(description: "the state query failed: \(result.summary)") }
        return result.output
    }

    // MARK: running ptero

    /// Runs ptero in the rig's folder; `kill` sets the fault-injection point.
    func run(_ arguments: [String], extraEnvironment: [String: String] = [:], killBefore kill: Int? = nil) throws -> PteroRun {
        let process = Process()
        process.executableURL = PteroBinary.url
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        merged.merge(extraEnvironment) { _, new in new }
        merged[Self.killVariable] = kill.map(String.init)
        process.environment = merged
        process.currentDirectoryURL = folder
        // Files, not pipes: a chatty run cannot fill a pipe nobody reads yet.
        let outputFile = folder.appendingPathComponent("run-\(UUID().uuidString).out")
        let errorFile = folder.appendingPathComponent("run-\(UUID().uuidString).err")
        guard FileManager.default.createFile(atPath: outputFile.path, contents: nil),
              FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
            throw RigError(description: "cannot create the output files of a run in \(folder.path)")
        }
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        let output = try FileHandle(forWritingTo: outputFile), errors = try FileHandle(forWritingTo: errorFile)
        defer {
            try? output.close()
            try? errors.close()
        }
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        if ended.wait(timeout: .now() + Self.runTimeout) == .timedOut {
            Glibc.kill(process.processIdentifier, SIGKILL)
            ended.wait()
            throw RigError(description: "ptero \(arguments.joined(separator: " ")) did not end within \(Int(Self.runTimeout)) s")
        }
        return PteroRun(status: process.terminationStatus,
                        killed: process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL,
                        output: (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "",
                        errors: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }

    /// `ptero --url URL --yes --journal FILE SCRIPT ARGS...`
    func run(_ script: ResumeScript, journal: String, environment extra: [String: String], killBefore kill: Int? = nil) throws -> PteroRun {
        try run(["--url", url, "--yes", "--journal", journal, script.file.path] + script.arguments,
                extraEnvironment: extra, killBefore: kill)
    }

    func journalLines(_ path: String) -> Int {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
        return text.split(separator: "\n").count
    }

    // MARK: the reference

    /// An uninterrupted run on a fresh panel; then the same command on its
    /// finished journal, which must send nothing and say the run finished.
    func reference(_ script: ResumeScript) throws -> ResumeReference {
        try reset()
        let journal = folder.appendingPathComponent("\(script.name)-reference.journal").path
        let first = try run(script, journal: journal, environment: script.firstEnvironment)
        guard first.status == 0, !first.killed else {
            throw RigError(description: "the uninterrupted run of \(script.name) failed: \(first.summary)")
        }
        let state = try self.state(), accepted = try acceptedWrites(), sent = try writesSent(), records = journalLines(journal)
        let commands = try consoleCommands()
        var problems = [String]()
        let again = try run(script, journal: journal, environment: script.resumeEnvironment)
        if again.status != 0 { problems.append("the rerun of the finished journal: \(again.summary)") }
        if !again.errors.contains("is of a run that finished") {
            problems.append("the rerun of the finished journal does not say it is of a run that finished: \(again.errors.suffix(400))")
        }
        let sentAgain = try writesSent() - sent
        if sentAgain != 0 { problems.append("the rerun of the finished journal sent \(sentAgain) writes") }
        if try consoleCommands() != commands { problems.append("the rerun of the finished journal sent console commands: \(try consoleCommands()), first \(commands)") }
        if try self.state() != state { problems.append("the rerun of the finished journal changed the panel") }
        let table = try run(["journal", journal])
        if table.status != 0 || table.output.isEmpty { problems.append("ptero journal \(journal): \(table.summary)") }
        return ResumeReference(state: state, acceptedWrites: accepted, consoleCommands: commands, records: records,
                               output: first.output, problems: problems)
    }

    // MARK: kill and resume

    /// How the comparison after a resume is made.
    enum Expectation {
        /// The final state and the accepted writes per route equal the reference's.
        case exact
        /// Under `--fault-rate`: no route has more accepted writes than the
        /// reference, and every run ends with 0 or a reported failure.
        case neverTwice
    }

    /// The kill points for a run of `records` records: all of them, or
    /// `limit` spread evenly from the first to the last.
    static func killPoints(records: Int, limit: Int) -> [Int] {
        guard records > max(limit, ResumeScript.everyKillUpTo), limit > 1 else { return Array(1...max(records, 1)) }
        return Array(Set((0..<limit).map { 1 + ($0 * (records - 1) + (limit - 1) / 2) / (limit - 1) })).sorted()
    }

    /// Kills a run of `script` at each kill point and resumes it; returns
    /// every difference from `reference`, each naming its kill point.
    func killEverywhere(_ script: ResumeScript, reference: ResumeReference, expectation: Expectation = .exact) throws -> [String] {
        var problems = reference.problems
        for k in Self.killPoints(records: reference.records, limit: script.sampleLimit) {
            problems += try killAndResume(script, at: k, reference: reference, expectation: expectation).map { "k=\(k): \($0)" }
        }
        return problems
    }

    /// One kill point: a fresh panel, a run killed before its k-th record,
    /// resumed until done; what differs from the reference.
    func killAndResume(_ script: ResumeScript, at k: Int, reference: ResumeReference, expectation: Expectation) throws -> [String] {
        try reset()
        let journal = folder.appendingPathComponent("\(script.name)-k\(k).journal").path
        var problems = [String]()
        let killed = try run(script, journal: journal, environment: script.firstEnvironment, killBefore: k)
        try waitForTheKilledRunsRequests()
        if !killed.killed {
            switch expectation {
            case .exact:
                // Killing before the last record may find the run ended already if that record is not counted.
                if k < reference.records || killed.status != 0 { problems.append("the run was not killed: \(killed.summary)") }
            case .neverTwice:
                if !Self.isReportedOutcome(killed) { problems.append("the killed run neither died nor ended cleanly: \(killed.summary)") }
            }
        }
        let (last, resumeProblems) = try resume(script, journal: journal, expectation: expectation)
        problems += resumeProblems
        let accepted = try acceptedWrites()
        switch expectation {
        case .exact:
            if let last, last.status != 0 { problems.append("the resumed run: \(last.summary)") }
            let state = try self.state()
            if script.normalize(state) != script.normalize(reference.state) {
                problems.append("final state differs from the uninterrupted run's: \(Self.difference(state, reference.state))")
            }
            if let problem = script.check(state) { problems.append(problem) }
            // A write may be missing from the panel's counts only where the
            // resume found its effect already there (a server the seed has
            // suspended, whose suspend the kill kept from leaving): the
            // state comparison above shows the effect is really there.
            let routes = Array(Set(reference.acceptedWrites.keys).union(accepted.keys))
            let found = JournalRecords(path: journal).foundWrites { Self.route(of: $0, among: routes) }
            let wrong = routes.filter { route in
                let count = accepted[route, default: 0], expected = reference.acceptedWrites[route, default: 0]
                return count > expected || count < expected - found[route, default: 0]
            }
            if !wrong.isEmpty {
                problems.append("accepted writes differ: \(Self.difference(accepted, reference.acceptedWrites))"
                                + (found.isEmpty ? "" : " (found done on the panel, not sent: \(found))"))
            }
            let commands = try consoleCommands()
            if commands != reference.consoleCommands {
                problems.append("console commands differ: \(commands.sorted { $0.key < $1.key }), uninterrupted \(reference.consoleCommands.sorted { $0.key < $1.key })")
            }
            if script.lastLineMustMatch, let last, Self.lastLine(last.output) != Self.lastLine(reference.output) {
                problems.append("last output line \(Self.lastLine(last.output).debugDescription), uninterrupted \(Self.lastLine(reference.output).debugDescription)")
            }
        case .neverTwice:
            for (route, count) in accepted where count > reference.acceptedWrites[route, default: 0] {
                problems.append("\(route) accepted \(count) times, \(reference.acceptedWrites[route, default: 0]) in the uninterrupted run")
            }
        }
        return problems
    }

    /// Runs the same command again until it ends; a stop on a write in
    /// flight (exit 4) is answered with `--accept` or `--retry` as the
    /// panel's counts say. Returns the last run and what went wrong.
    func resume(_ script: ResumeScript, journal: String, expectation: Expectation) throws -> (PteroRun?, [String]) {
        var problems = [String]()
        for _ in 0...Self.maximumDecisions {
            let writesBefore = try writesSent()
            let resumed = try run(script, journal: journal, environment: script.resumeEnvironment)
            if resumed.killed { return (resumed, ["a resumed run was killed"]) }
            guard resumed.status == Self.undecidedStatus else {
                if expectation == .neverTwice, !Self.isReportedOutcome(resumed) {
                    problems.append("the resumed run neither succeeded nor reported a failure: \(resumed.summary)")
                }
                return (resumed, problems)
            }
            let sentByStop = try writesSent() - writesBefore
            if sentByStop != 0 { problems.append("a resumed run that stopped with status 4 sent \(sentByStop) writes first") }
            guard let step = Self.word(after: "--accept", in: resumed.errors),
                  resumed.errors.contains("ptero journal"), resumed.errors.contains("--retry \(step)") else {
                return (resumed, problems + ["status 4 without both `ptero journal FILE --accept STEP` and `--retry STEP`: \(resumed.errors.suffix(600))"])
            }
            let accept = try panelGotStep(step, journal: journal, stop: resumed)
            if accept { accepted += 1 } else { retried += 1 }
            let decision = try run(["journal", journal, accept ? "--accept" : "--retry", step])
            if decision.status != 0 { return (decision, problems + ["ptero journal --\(accept ? "accept" : "retry") \(step): \(decision.summary)"]) }
        }
        return (nil, problems + ["still stopping with status 4 after \(Self.maximumDecisions) decisions"])
    }

    /// Whether the panel took the write in flight that `step` names: it
    /// accepted more writes of that exact `METHOD /path` than the journal
    /// holds as taken. Judged by the concrete path, not the route: with a
    /// bulk job's items in flight together, a route's count cannot say
    /// which server's reinstall arrived.
    func panelGotStep(_ step: String, journal: String, stop: PteroRun) throws -> Bool {
        let records = JournalRecords(path: journal)
        guard let request = records.request(ofStep: step) ?? JournalRecords.request(in: stop.errors) else {
            throw RigError(description: "cannot tell which request step \(step) is: \(stop.errors.suffix(400))")
        }
        // A console command (`console IDENTIFIER run ...`): the sim counts the commands each server's Wings ran.
        if request.hasPrefix("console ") {
            let identifier = String(request.split(separator: " ")[1])
            let ran = try consoleCommands()[identifier, default: 0]
            return ran > records.writesTaken(matching: { $0.hasPrefix("console \(identifier) run ") })
        }
        let exact = Self.withoutQuery(request)
        let accepted = try acceptedWritesByPath()[exact, default: 0]
        return accepted > records.writesTaken(matching: { Self.withoutQuery($0) == exact })
    }

    /// Writes the panel accepted (2xx) since the last reset, by `METHOD /path`.
    func acceptedWritesByPath() throws -> [String: Int] {
        let writes = try stats()["writes"] as? [String: [String: Int]] ?? [:]
        return writes.compactMapValues { statuses in
            let count = statuses.filter { $0.key.hasPrefix("2") }.values.reduce(0, +)
            return count > 0 ? count : nil
        }
    }

    static func withoutQuery(_ request: String) -> String {
        request.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request
    }

    // MARK: helpers

    /// Exit 0, or 1 with an error on stderr: an outcome the user is told of.
    static func isReportedOutcome(_ run: PteroRun) -> Bool {
        !run.killed && (run.status == 0 || (run.status == 1 && run.errors.contains("error")))
    }

    /// The route of `/_sim/stats` that a concrete `METHOD /path` fell under
    /// (`{name}` segments match any one segment; the most literal match wins).
    static func route(of request: String, among routes: [String]) -> String? {
        let parts = request.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let path = parts[1].split(separator: "?", maxSplits: 1).first.map(String.init) ?? parts[1]
        let segments = path.split(separator: "/")
        var best: (route: String, literal: Int)?
        for route in routes {
            let pieces = route.split(separator: " ", maxSplits: 1)
            guard pieces.count == 2, pieces[0] == parts[0] else { continue }
            let pattern = pieces[1].split(separator: "/")
            guard pattern.count == segments.count else { continue }
            var literal = 0, matches = true
            for (expected, given) in zip(pattern, segments) {
                if expected.hasPrefix("{") { continue }
                if expected == given { literal += 1 } else { matches = false; break }
            }
            if matches, literal > best?.literal ?? -1 { best = (route, literal) }
        }
        return best?.route
    }

    static func word(after marker: String, in text: String) -> String? {
        guard let range = text.range(of: marker + " ") else { return nil }
        let word = text[range.upperBound...].prefix { !$0.isWhitespace && $0 != "`" && $0 != "'" && $0 != "\"" }
        return word.isEmpty ? nil : String(word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:)")))
    }

    static func lastLine(_ output: String) -> String {
        output.split(separator: "\n").last.map(String.init) ?? ""
    }

    /// The lines only one side has.
    static func difference(_ actual: String, _ expected: String) -> String {
        let actualLines = Set(actual.split(separator: "\n")), expectedLines = Set(expected.split(separator: "\n"))
        let extra = actualLines.subtracting(expectedLines).sorted().prefix(6)
        let missing = expectedLines.subtracting(actualLines).sorted().prefix(6)
        return "has \(extra.map(String.init)), lacks \(missing.map(String.init))"
    }

    static func difference(_ actual: [String: Int], _ expected: [String: Int]) -> String {
        Set(actual.keys).union(expected.keys).sorted().compactMap { route in
            actual[route] == expected[route] ? nil : "\(route): \(actual[route] ?? 0), uninterrupted \(expected[route] ?? 0)"
        }.joined(separator: "; ")
    }
}


/// The records of a journal file, read the way an admin reads them to
/// decide on a write left in flight: which request a step is, and how many
/// writes of a route the journal already knows the panel took.
///
/// A record is a JSON object, then for one that carries the panel's answer
/// a tab and the answer (`JournalRecord.line`); only the object is read,
/// and only the fields the rig needs: `kind`, `at` (the position, which is
/// the STEP of `--accept`), `request` (`METHOD /path`) and `status`.
struct JournalRecords {
    let records: [[String: Any]]

    init(path: String) {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        records = text.split(separator: "\n").compactMap { line in
            let head = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).first ?? line
            return (try? JSONSerialization.jsonObject(with: Data(head.utf8))) as? [String: Any]
        }
    }

    /// `METHOD /path` of the write at position `step`.
    func request(ofStep step: String) -> String? {
        records.first { $0["at"] as? String == step && $0["request"] is String }?["request"] as? String
    }

    /// Positions of writes whose request `matches` that the journal holds as
    /// taken by the panel: answered 2xx, found done on the panel by a
    /// resumed run, or accepted as done with `ptero journal --accept`.
    func writesTaken(matching matches: (String) -> Bool) -> Int {
        var requests = [String: String]()
        for record in records where record["kind"] as? String == "intent" {
            if let at = record["at"] as? String, let request = record["request"] as? String { requests[at] = request }
        }
        var taken = Set<String>()
        for record in records {
            guard let at = record["at"] as? String, let request = requests[at], matches(request) else { continue }
            switch record["kind"] as? String {
            case "outcome": if let status = record["status"] as? Int, (200..<300).contains(status) { taken.insert(at) }
            case "found", "accept": taken.insert(at)
            default: break
            }
        }
        return taken.count
    }

    /// Writes a resumed run found done on the panel (and did not send), by
    /// the route `route` gives their request.
    func foundWrites(route: (String) -> String?) -> [String: Int] {
        var requests = [String: String]()
        for record in records where record["kind"] as? String == "intent" {
            if let at = record["at"] as? String, let request = record["request"] as? String { requests[at] = request }
        }
        var found = [String: Int]()
        for record in records where record["kind"] as? String == "found" {
            if let at = record["at"] as? String, let request = requests[at], let name = route(request) { found[name, default: 0] += 1 }
        }
        return found
    }

    /// The first `METHOD /api/...` of a write named in `text` (a message).
    static func request(in text: String) -> String? {
        let pattern = #/(POST|PATCH|PUT|DELETE) (/api/[^\s"'`,;)]+)/#
        return text.firstMatch(of: pattern).map { "\($0.1) \($0.2)" }
    }
}
