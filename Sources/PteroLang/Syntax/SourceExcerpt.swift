/// The source line an error points into and the caret under it, as a
/// terminal shows them: control characters made visible, wide characters
/// given two columns, and a very long line (a minified or generated one)
/// cut to the part around the caret.
struct SourceExcerpt {
    /// Widest shown line: enough for any hand-written line, and a 100,000
    /// character one still reads as one screen line with the caret on it.
    static let maximumWidth = 120
    /// Columns kept before the caret when a long line is cut, for context.
    static let context = 40

    let line: String
    let caret: String

    /// `column` is 1-based and `length` counts characters from it; both may
    /// reach past the line's end (an error at the end of input).
    init(line text: String, column: Int, length: Int) {
        let characters = Array(text)
        let widths = characters.map(TerminalText.width(of:))
        let start = min(max(0, column - 1), characters.count)
        let end = max(start + 1, start + length)
        var first = 0, last = characters.count
        let total = widths.reduce(0, +)
        if total > Self.maximumWidth {
            let skipped = max(0, widths[..<start].reduce(0, +) - Self.context)
            var columns = 0
            while first < start, columns + widths[first] <= skipped {
                columns += widths[first]
                first += 1
            }
            // Room for the window and its two ellipses.
            var room = Self.maximumWidth - (first > 0 ? 1 : 0) - 1
            last = first
            while last < characters.count, room >= widths[last] {
                room -= widths[last]
                last += 1
            }
        }
        var line = first > 0 ? "…" : ""
        var pad = first > 0 ? " " : ""
        for index in first..<last {
            line += TerminalText.visible(characters[index])
            if index < start { pad += characters[index] == "\t" ? "\t" : String(repeating: " ", count: widths[index]) }
        }
        if last < characters.count { line += "…" }
        var underlined = 0
        for index in start..<end where index >= first && (index < last || last == characters.count) {
            underlined += index < characters.count ? widths[index] : 1
        }
        self.line = line
        caret = pad + "^" + String(repeating: "~", count: max(0, underlined - 1))
    }
}
