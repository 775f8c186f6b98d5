import PteroLang

/// What a bulk job did: prints as a summary line and one line per failure;
/// `.ok`, `.failed` (each with its `item` and `error`) and `.count` for scripts.
public final class BulkReport: HostValue {
    public let action: String
    var succeeded: [Value] = []
    var failed: [(item: Value, error: String)] = []
    /// Not started because Ctrl-C came; a rerun with the journal does them.
    var notStarted: [Value] = []

    init(action: String) {
        self.action = action
    }

    public var typeName: String { "Report" }
    public var memberNames: [String] { ["ok", "failed", "not_started", "count"] }

    public var displayText: String {
        var lines = ["\(action): \(succeeded.count) ok, \(failed.count) failed"
                     + (notStarted.isEmpty ? "" : ", \(notStarted.count) not started (interrupted)")]
        for failure in failed {
            lines.append("  \(failure.item.literalText): \(failure.error)")
        }
        return lines.joined(separator: "\n")
    }

    /// For `json(report)` and `--format json`: the counts, and each failure
    /// with its object and error.
    public func plainValue(interpreter: Interpreter) throws -> Value? {
        let failures = try failed.map { failure -> Value in
            .map(MapObject([("item", try Resource.plainValue(of: failure.item, interpreter: interpreter)), ("error", Value(failure.error))]))
        }
        return .map(MapObject([("action", Value(action)), ("ok", .int(succeeded.count)), ("failed", Value(failures)),
                               ("not_started", .int(notStarted.count))]))
    }

    public func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "ok": return Value(succeeded)
        case "failed":
            return Value(failed.map { .map(MapObject([("item", $0.item), ("error", Value($0.error))])) })
        case "not_started": return Value(notStarted)
        case "count": return .int(succeeded.count + failed.count + notStarted.count)
        default: return nil
        }
    }
}
