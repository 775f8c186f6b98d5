/// Text from the panel (or any outsider) made safe to print on a terminal.
///
/// A panel's error detail, a proxy's page or a user name may hold escape
/// sequences that rename the terminal, move the cursor or fake lines of
/// output. Each control character (C0, DEL, C1) and each invisible
/// direction or format character is written as `\u{1B}`, so it is seen,
/// never obeyed.
public enum VisibleText {
    public static func escaping(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var shown = ""
        shown.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}
