/// A piece of source text with its display name, kept as UTF-8 bytes so the
/// lexer can scan without String index arithmetic.
public final class Source: Sendable {
    public let name: String
    public let text: String
    let bytes: [UInt8]
    /// Byte offset of the start of each line; built once, searched on error.
    private let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The 1-based line and column (in characters) of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let lineStart = lineStarts[low]
        let prefix = bytes[lineStart..<clamped]
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        return SourceLocation(line: low + 1, column: column)
    }

    /// The text of a 1-based line, without its newline.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text a range covers.
    public func text(of range: SourceRange) -> String {
        let start = max(0, min(range.start, bytes.count))
        let end = max(start, min(range.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// A line and column, both 1-based; columns count characters.
public struct SourceLocation: Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public var description: String { "\(line):\(column)" }
}

/// Byte offsets [start, end) into a Source.
public struct SourceRange: Equatable, Sendable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
    public static func covering(_ first: SourceRange, _ last: SourceRange) -> SourceRange {
        SourceRange(start: first.start, end: max(first.end, last.end))
    }
}
