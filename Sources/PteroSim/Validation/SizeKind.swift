/// Whether size rules measure characters, a number, or array items (Laravel's getSize).
enum SizeKind: Sendable {
    case string, numeric, array

    init(_ rules: [Rule]) {
        self = .string
        for rule in rules {
            switch rule {
            case .integer, .numeric: self = .numeric; return
            case .array: self = .array; return
            default: continue
            }
        }
    }
}
