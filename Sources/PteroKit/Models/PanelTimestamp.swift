import Foundation

/// Reads the panel's timestamps, which come in two formats: transformers
/// send `2024-05-01T12:34:56+00:00`, raw model dumps send
/// `2024-05-01T12:34:56.000000Z`. Models keep the text; this turns it into
/// a `Date` when a script needs to compare.
public enum PanelTimestamp {
    public static func date(from text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        // Six fractional digits are more than the ISO parser accepts; the
        // panel's fraction is always zero, so it is dropped.
        if let dot = text.firstIndex(of: "."), let zone = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
            return try? Date(String(text[..<dot]) + String(text[zone...]), strategy: .iso8601)
        }
        return nil
    }
}
