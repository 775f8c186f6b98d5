import PteroKit
import PteroLang

/// What a bulk job did: prints as a summary line and one line per failure;
/// `.ok`, `.failed` (each with its `item` and `error`) and `.count` for scripts;
/// a console job's (`servers.run(...)`) `.answers`, each with its `item` and
/// `answer` (the lines `run` printed, the line `wait_for` found, ...), one
/// line each under the summary.
/// A dry run's and a resumed run's objects count as ok, so a script takes the
/// same path in both, but the summary says how many were only planned or
/// were done before: "12 ok" must never claim writes this run did not send.
public final class BulkReport: HostValue {
    public let action: String
    /// Done, planned by a dry run, or done by an earlier run.
    var succeeded: [Value] = []
    /// Of `succeeded`, those a dry run printed instead of sending.
    var planned = 0
    /// Of `succeeded`, those the journal skipped.
    var alreadyDone = 0
    var failed: [(item: Value, error: String)] = []
    /// Not started because Ctrl-C came; a rerun with the journal does them.
    var notStarted: [Value] = []
    /// A console job's answer of each of `succeeded`, in the job's order.
    var answers: [(item: Value, answer: Value)] = []

    init(action: String) {
        self.action = action
    }

    public var typeName: String { "Report" }
    public var memberNames: [String] { ["ok", "failed", "not_started", "count", "planned", "already_done", "answers"] }

    public var displayText: String {
        var lines = ["\(action): \(okSummary), \(failed.count) failed"
                     + (notStarted.isEmpty ? "" : ", \(notStarted.count) not started (interrupted)")]
        for answer in answers {
            lines.append("  \(answer.item.literalText): \(Self.shortText(answer.answer))")
        }
        for failure in failed {
            lines.append("  \(failure.item.literalText): \(failure.error)")
        }
        return lines.joined(separator: "\n")
    }

    /// An answer on one line: a list of lines by its last (the one `until:` matched).
    private static func shortText(_ answer: Value) -> String {
        if case .list(let lines) = answer {
            guard let last = lines.items.last else { return "(nothing printed)" }
            let text = VisibleText.escaping(last.displayText)
            return lines.items.count == 1 ? text : "\(text) (\(lines.items.count) lines)"
        }
        return VisibleText.escaping(answer.displayText)
    }

    private var okSummary: String {
        if planned > 0 && planned == succeeded.count { return "\(planned) planned (dry run)" }
        var notes: [String] = []
        if planned > 0 { notes.append("\(planned) planned (dry run)") }
        if alreadyDone > 0 { notes.append("\(alreadyDone) done by an earlier run") }
        return "\(succeeded.count) ok" + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")")
    }

    /// For `json(report)` and `--format json`: the counts, and each failure
    /// with its object and error.
    public func plainValue(interpreter: Interpreter) throws -> Value? {
        let failures = try failed.map { failure -> Value in
            .map(MapObject([("item", try Resource.plainValue(of: failure.item, interpreter: interpreter)), ("error", Value(failure.error))]))
        }
        return .map(MapObject([("action", Value(action)), ("ok", .int(succeeded.count)), ("failed", Value(failures)),
                               ("not_started", .int(notStarted.count)), ("planned", .int(planned)),
                               ("already_done", .int(alreadyDone))]
                              + (answers.isEmpty ? [] : [("answers", Value(try answers.map { answer -> Value in
                                  .map(MapObject([("item", try Resource.plainValue(of: answer.item, interpreter: interpreter)), ("answer", answer.answer)]))
                              }))])))
    }

    public func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "ok": return Value(succeeded)
        case "failed":
            return Value(failed.map { .map(MapObject([("item", $0.item), ("error", Value($0.error))])) })
        case "not_started": return Value(notStarted)
        case "count": return .int(succeeded.count + failed.count + notStarted.count)
        case "answers":
            return Value(answers.map { .map(MapObject([("item", $0.item), ("answer", $0.answer)])) })
        case "planned": return .int(planned)
        case "already_done": return .int(alreadyDone)
        default: return nil
        }
    }
}
