/// An error tied to a place in a source: what every syntax, resolve and
/// runtime error becomes before it is shown.
public struct Diagnostic: Error, Sendable, CustomStringConvertible {
    public enum Phase: Sendable { case syntax, resolve, runtime }

    public let phase: Phase
    public let message: String
    public let source: Source
    public let range: SourceRange
    /// Set when the parser ran out of input: the REPL then asks for more.
    public let isUnexpectedEnd: Bool
    /// Extra lines printed under the caret (a call trace, a panel's field errors).
    public var notes: [String]

    public init(_ phase: Phase, _ message: String, source: Source, range: SourceRange,
                isUnexpectedEnd: Bool = false, notes: [String] = []) {
        self.phase = phase
        self.message = message
        self.source = source
        self.range = range
        self.isUnexpectedEnd = isUnexpectedEnd
        self.notes = notes
    }

    public var location: SourceLocation { source.location(of: range.start) }

    /// `FILE:LINE:COL: error: MESSAGE`, the source line, and a caret under the column.
    public var description: String {
        let place = location
        let endLocation = source.location(of: max(range.start, range.end - 1))
        var length = 1
        if endLocation.line == place.line, range.end > range.start {
            length = max(1, endLocation.column - place.column + 1)
        }
        let excerpt = SourceExcerpt(line: source.lineText(place.line), column: place.column, length: length)
        // The file's name and the message are made visible as the line is:
        // a name holding an escape sequence must not reach the terminal raw.
        var text = "\(TerminalText.visible(source.name)):\(place.line):\(place.column): error: \(TerminalText.visible(message))\n"
        text += excerpt.line + "\n" + excerpt.caret
        for note in notes { text += "\n" + TerminalText.visible(note) }
        return text
    }
}

/// Every diagnostic of one check of a file, for `ptero check`.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    public let all: [Diagnostic]
    public init(_ all: [Diagnostic]) { self.all = all }
    public var description: String { all.map(\.description).joined(separator: "\n") }
    /// True when the only problem is that the input stopped early, however
    /// many blocks, brackets and calls were still open when it did.
    public var isIncompleteInput: Bool { !all.isEmpty && all.allSatisfy(\.isUnexpectedEnd) }
}
