import Foundation

/// Laravel's English messages as the panel ships them (`may not be greater than`).
enum ValidationMessages {
    static func message(for rule: Rule, attribute: String, kind: SizeKind, body: JSONValue) -> String {
        switch rule {
        case .required: return "The \(attribute) field is required."
        case .present: return "The \(attribute) field must be present."
        // resources/lang/en/validation.php at v1.11.8: `filled` reads as `required` does.
        case .filled: return "The \(attribute) field is required."
        case .requiredUnless(let other, let values):
            return "The \(attribute) field is required unless \(other.replacingOccurrences(of: "_", with: " ")) is in \(values.joined(separator: ", "))."
        case .requiredWith(let other):
            return "The \(attribute) field is required when \(other.replacingOccurrences(of: "_", with: " ")) is present."
        case .requiredWithout(let other):
            return "The \(attribute) field is required when \(other.replacingOccurrences(of: "_", with: " ")) is not present."
        case .nullable, .sometimes: return ""
        case .string: return "The \(attribute) must be a string."
        case .integer: return "The \(attribute) must be an integer."
        case .numeric: return "The \(attribute) must be a number."
        case .boolean: return "The \(attribute) field must be true or false."
        case .array: return "The \(attribute) must be an array."
        case .email: return "The \(attribute) must be a valid email address."
        case .url, .regex: return "The \(attribute) format is invalid."
        case .ip: return "The \(attribute) must be a valid IP address."
        case .alphaDash: return "The \(attribute) may only contain letters, numbers, and dashes."
        case .alphaNumeric: return "The \(attribute) may only contain letters and numbers."
        case .min(let bound):
            switch kind {
            case .numeric: return "The \(attribute) must be at least \(format(bound))."
            case .array: return "The \(attribute) must have at least \(format(bound)) items."
            case .string: return "The \(attribute) must be at least \(format(bound)) characters."
            }
        case .max(let bound):
            switch kind {
            case .numeric: return "The \(attribute) may not be greater than \(format(bound))."
            case .array: return "The \(attribute) may not have more than \(format(bound)) items."
            case .string: return "The \(attribute) may not be greater than \(format(bound)) characters."
            }
        case .between(let low, let high):
            switch kind {
            case .numeric: return "The \(attribute) must be between \(format(low)) and \(format(high))."
            case .array: return "The \(attribute) must have between \(format(low)) and \(format(high)) items."
            case .string: return "The \(attribute) must be between \(format(low)) and \(format(high)) characters."
            }
        case .size(let expected):
            switch kind {
            case .numeric: return "The \(attribute) must be \(expected)."
            case .array: return "The \(attribute) must contain \(expected) items."
            case .string: return "The \(attribute) must be \(expected) characters."
            }
        case .digitsBetween(let low, let high): return "The \(attribute) must be between \(low) and \(high) digits."
        case .in: return "The selected \(attribute) is invalid."
        case .confirmed: return "The \(attribute) confirmation does not match."
        case .username:
            return "The \(attribute) must start and end with alpha-numeric characters and contain only letters, numbers, dashes, underscores, and periods."
        case .check(let name, passes: _):
            return name == "unique" ? "The \(attribute) has already been taken." : "The selected \(attribute) is invalid."
        }
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
