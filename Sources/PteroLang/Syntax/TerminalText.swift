/// How text takes up a terminal's columns, and how to show it there safely.
/// A caret under a source line and a table of server names both line up by
/// columns, not by characters: `服` takes two, and an escape byte in a name a
/// user chose must not reach the terminal as a command.
public enum TerminalText {
    /// The columns a character takes once made visible: 2 for East Asian wide
    /// characters and emoji, 1 for the rest (a combining mark rides with its
    /// base; a tab counts 1 and is left to the terminal).
    public static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if let replacement = replacement(for: first), character.unicodeScalars.count == 1 {
            return replacement.count
        }
        return isWide(first) || (character.unicodeScalars.count > 1 && isEmoji(character)) ? 2 : 1
    }

    /// The columns a text takes once made visible.
    public static func width<S: StringProtocol>(of text: S) -> Int {
        var columns = 0
        for character in text { columns += width(of: character) }
        return columns
    }

    /// The character as it may be written to a terminal: control characters as
    /// their Control Pictures (`␛` for ESC), invisible format characters (the
    /// bidirectional overrides of "Trojan Source", zero-width spaces) as
    /// `<U+202E>`; a tab stays a tab.
    public static func visible(_ character: Character) -> String {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
              let replacement = replacement(for: scalar) else { return String(character) }
        return replacement
    }

    /// The text with every character made visible.
    public static func visible<S: StringProtocol>(_ text: S) -> String {
        guard text.unicodeScalars.contains(where: { replacement(for: $0) != nil }) else { return String(text) }
        var result = ""
        for character in text { result += visible(character) }
        return result
    }

    private static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x09: return nil
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F: return "\u{FFFD}"
        default:
            guard scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .lineSeparator
                || scalar.properties.generalCategory == .paragraphSeparator else { return nil }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
        }
    }

    /// East Asian Wide and Fullwidth blocks (UAX #11), and emoji shown as pictures.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return scalar.properties.isEmojiPresentation
        }
    }

    /// A sequence such as `❤️` (a text symbol asked to show as a picture) or a
    /// flag takes two columns, as its first scalar alone may not.
    private static func isEmoji(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.value == 0xFE0F || (0x1F1E6...0x1F1FF).contains($0.value) }
    }
}
