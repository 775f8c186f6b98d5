import Foundation

/// A compiled regular expression whose matching stops on Ctrl-C and after
/// a budget of work, with an error, instead of running for hours.
/// Swift's `Regex` cannot be stopped once it starts, so `"aaaa…!" ~
/// "^(a+)+$"` ran for minutes deaf to Ctrl-C. ICU, under
/// NSRegularExpression, calls back with `.progress` as it goes (swift-corelibs-foundation
/// CFRegularExpression.c installs `uregex_setMatchCallback`, which ICU calls
/// every 10,000 backtracking steps, and `uregex_setFindProgressCallback`,
/// called as the search moves to each next start position); answering
/// `stop` there ends the search. Patterns are ICU's syntax, which is what
/// Swift's `Regex` accepted for everything the language used.
final class BoundedRegex {
    let pattern: String
    private let expression: NSRegularExpression

    init(_ pattern: String) throws {
        self.pattern = pattern
        do {
            expression = try NSRegularExpression(pattern: pattern)
        } catch {
            // ICU's error says only that the pattern is invalid; Swift's
            // parser says why ("expected ')'"), when it refuses it too.
            var reason = ""
            do { _ = try Regex(pattern) } catch let refusal { reason = ": \(refusal)" }
            throw RuntimeError("invalid regular expression \(Value.quote(pattern))\(reason)")
        }
    }

    /// One match: the range of the whole match, then of each group (nil
    /// for a group that took no part), as indexes into the text.
    typealias Match = [Range<String.Index>?]

    /// The first match in `text` (all of them with `all`), within `limits`.
    func matches(in text: String, all: Bool, limits: ValueLimits, interruption: InterruptFlag) throws -> [Match] {
        let length = text.utf16.count
        // One report a start position, besides the backtracking budget.
        let allowed = ValueLimits.sum(limits.maximumRegexReports, ValueLimits.sum(length, 1))
        let pattern = self.pattern
        var reports = 0
        var found: [Match] = []
        var failure: Error?
        expression.enumerateMatches(in: text, options: [.reportProgress, .reportCompletion],
                                    range: NSRange(location: 0, length: length)) { result, flags, stop in
            if let result {
                found.append((0..<result.numberOfRanges).map { Range(result.range(at: $0), in: text) })
                if !all { stop.pointee = true }
                return
            }
            if flags.contains(.internalError) {
                failure = RuntimeError("regular expression \(Value.quote(pattern)) needs too much memory to match this text; simplify it")
                return
            }
            guard flags.contains(.progress) else { return }
            reports += 1
            if interruption.isRaised {
                failure = Interrupted()
                stop.pointee = true
            } else if reports > allowed + found.count {
                failure = RuntimeError("regular expression \(Value.quote(pattern)) gave up after about \(limits.maximumRegexReports) × 10,000 steps; "
                    + "a nested repeat such as (a+)+ or (a*)*b tries every way to split the text: simplify it")
                stop.pointee = true
            }
        }
        if let failure { throw failure }
        return found
    }
}

extension Interpreter {
    /// Compiles a pattern once per interpreter; `~` in a loop reuses it.
    func regex(_ pattern: String) throws -> BoundedRegex {
        if let cached = regexCache[pattern] { return cached }
        let compiled = try BoundedRegex(pattern)
        if regexCache.count > 256 { regexCache.removeAll() }
        regexCache[pattern] = compiled
        return compiled
    }

    /// The matches of `pattern` in `text`, within this interpreter's limits.
    func regexMatches(of pattern: String, in text: String, all: Bool) throws -> [BoundedRegex.Match] {
        try regex(pattern).matches(in: text, all: all, limits: limits, interruption: interruption)
    }

    /// `text ~ pattern`.
    func regexMatches(_ text: Value, _ pattern: Value) throws -> Bool {
        guard case .string(let subject) = text, case .string(let expression) = pattern else {
            throw RuntimeError("'~' matches a string against a pattern string, not \(text.typeName) and \(pattern.typeName)")
        }
        return try !regexMatches(of: expression, in: subject, all: false).isEmpty
    }
}
