import Foundation

/// Formats unix seconds the two ways the panel prints dates, without Foundation's
/// formatters (slow, locale-sensitive) on the hot path.
enum Timestamp {
    /// ISO-8601 with offset, no fraction: `2024-05-01T12:34:56+00:00` (transformers).
    static func iso(_ seconds: Int) -> String { civil(seconds) + "+00:00" }

    /// Laravel's JSON date format: `2024-05-01T12:34:56.000000Z` (raw model dumps).
    static func laravel(_ seconds: Int) -> String { civil(seconds) + ".000000Z" }

    static func iso(_ seconds: Int?) -> JSONValue { seconds.map { .string(iso($0)) } ?? .null }

    /// `YYYY-MM-DD HH:MM:SS`, used in default backup names.
    static func plain(_ seconds: Int) -> String {
        civil(seconds).replacingOccurrences(of: "T", with: " ")
    }

    private static func civil(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = date(ofDay: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
    }

    /// Year, month and day of a day counted from 1970-01-01 (Howard
    /// Hinnant's civil-from-days): the sim's one calendar routine.
    static func date(ofDay days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
