import Foundation

/// Numbers read from a panel's headers, range-checked before they become a
/// count or a duration: a header is an outsider's text, and `1e300`,
/// `inf` or `9e15` must not trap or wait forever.
enum HeaderNumber {
    /// A whole number in `range`, or nil (garbage, negative, too large).
    static func count(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else { return nil }
        return value
    }

    /// The longest wait a header can express here: a year. Longer asks are
    /// treated as this, which any sane cap refuses.
    static let longestSeconds: Double = 366 * 24 * 3600

    /// Seconds as a finite, non-negative number (fractions allowed), capped
    /// at `longestSeconds`; nil for garbage, `nan`, `inf` or a negative.
    static func seconds(_ text: String) -> Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0 else {
            return nil
        }
        return min(value, longestSeconds)
    }

    /// `seconds` (already range-checked) as a duration.
    static func duration(seconds: Double) -> Duration {
        .milliseconds(Int64((min(max(0, seconds), longestSeconds) * 1000).rounded(.up)))
    }
}
