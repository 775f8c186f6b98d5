/// How large a string, list or map may grow, and how much work one regular
/// expression may do, before the script stops with an error at its place.
/// Without them `s = s + s` in a loop, `range(100000000000).map(f)` or
/// `"a" * 2^62` ended in the kernel's out-of-memory killer or an abort
/// asking for terabytes, and `"aaaa…!" ~ "^(a+)+$"` ran for minutes.
/// The host may change them on `Interpreter.limits`.
public struct ValueLimits: Sendable {
    /// Longest string, in UTF-8 bytes: far above any file a migration
    /// reads, well below what a 2-core machine can hold several copies of.
    public var maximumStringBytes = 256 << 20
    /// Most elements of a list (or entries of a map). A map entry with a
    /// short string key takes about 150 bytes (2 million took 299 MB), so
    /// ten million is about 1.5 GB: a hundred times the 100,000 servers a
    /// big panel lists, and still within a 2-core, 24 GB machine.
    public var maximumCount = 10_000_000
    /// Progress reports one regular-expression operation (`~`, `match`,
    /// `regex_replace`) may take beyond one a character of its text. ICU
    /// reports after each 10,000 backtracking steps, so the default is
    /// about a hundred million steps: seconds, where a catastrophic pattern
    /// would run for hours.
    public var maximumRegexReports = 10_000

    public init() {}

    /// Fails when a string of `bytes` UTF-8 bytes would be too long.
    @inline(__always)
    public func checkString(bytes: Int, _ what: @autoclosure () -> String = "string") throws {
        if bytes > maximumStringBytes { throw tooLongString(bytes, what()) }
    }

    /// Fails when a list or map of `count` elements would be too large.
    @inline(__always)
    public func checkCount(_ count: Int, _ what: @autoclosure () -> String = "list") throws {
        if count > maximumCount { throw tooManyElements(count, what()) }
    }

    /// Bytes of `a + b`, or more than any limit when that overflows.
    @inline(__always)
    static func sum(_ a: Int, _ b: Int) -> Int {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : total
    }

    /// Bytes of `a * b`, or more than any limit when that overflows.
    @inline(__always)
    static func product(_ a: Int, _ b: Int) -> Int {
        let (total, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : total
    }

    private func tooLongString(_ bytes: Int, _ what: String) -> RuntimeError {
        let size = bytes == Int.max ? "more than 2^63 bytes" : "\(bytes) bytes"
        return RuntimeError("\(what) would be too long (\(size); the limit is \(maximumStringBytes) bytes)")
    }

    private func tooManyElements(_ count: Int, _ what: String) -> RuntimeError {
        let size = count == Int.max ? "more than 2^63" : "\(count)"
        return RuntimeError("\(what) would be too large (\(size) elements; the limit is \(maximumCount))")
    }
}
