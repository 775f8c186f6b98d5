/// A console line is the game's text, untrusted: these make it safe to show.
/// Wings passes the container's output through as it is, colour codes and
/// all (router/websocket: `console output` carries the raw line).
public enum ConsoleText {
    /// The line with every escape sequence and control character taken
    /// out: what pipes, files, `--format json` and the script's values get.
    public static func plain(_ line: String) -> String {
        render(line, keepColours: false)
    }

    /// The line for a terminal: colour and style sequences (`ESC [ ... m`)
    /// kept, every other escape sequence (cursor moves, titles, clipboard,
    /// ...) and control character taken out, so the game cannot drive the
    /// terminal. A colour left on at the end is reset.
    public static func forTerminal(_ line: String) -> String {
        render(line, keepColours: true)
    }

    private static func render(_ line: String, keepColours: Bool) -> String {
        var result = ""
        var coloured = false
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}" {
                let (end, sequence) = escapeSequence(scalars, from: index)
                if keepColours, let sequence, sequence.hasSuffix("m"), sequence.dropFirst(2).dropLast().allSatisfy({ $0.isNumber || $0 == ";" }) {
                    result += sequence
                    coloured = sequence != "\u{1B}[0m" && sequence != "\u{1B}[m"
                }
                index = end
                continue
            }
            if scalar == "\t" {
                result.unicodeScalars.append(scalar)
            } else if scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value) {
                result.unicodeScalars.append(scalar)
            }
            index += 1
        }
        if keepColours && coloured { result += "\u{1B}[0m" }
        return result
    }

    /// The escape sequence starting at `start` (an ESC): the index after it,
    /// and its text when it is a CSI (`ESC [` parameters, a final byte).
    private static func escapeSequence(_ scalars: [Unicode.Scalar], from start: Int) -> (end: Int, csi: String?) {
        var index = start + 1
        guard index < scalars.count else { return (index, nil) }
        switch scalars[index] {
        case "[":
            index += 1
            while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
            guard index < scalars.count, (0x40...0x7E).contains(scalars[index].value) else { return (index, nil) }
            return (index + 1, String(String.UnicodeScalarView(scalars[start...index])))
        case "]", "P", "X", "^", "_":
            // OSC, DCS, SOS, PM, APC: up to BEL or ESC \.
            index += 1
            while index < scalars.count {
                if scalars[index] == "\u{07}" { return (index + 1, nil) }
                if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "\\" { return (index + 2, nil) }
                index += 1
            }
            return (index, nil)
        default:
            return (index + 1, nil)
        }
    }
}
