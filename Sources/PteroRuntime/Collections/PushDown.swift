import PteroLang

/// Finds the parts of a `where` condition the panel can filter by:
/// `field == "text"` joined by `and`. The panel's filters are substring
/// matches, so the whole condition is still checked on every item; the
/// push-down only makes the panel send fewer of them.
enum PushDown {
    static func filters(in condition: ResolvedExpr, source: CollectionSource) -> [String: String] {
        var found: [String: String] = [:]
        collect(condition, source: source, into: &found)
        return found
    }

    private static func collect(_ expression: ResolvedExpr, source: CollectionSource, into found: inout [String: String]) {
        switch expression.kind {
        case .logical(let operation, let left, let right):
            guard operation == .and else { return }
            collect(left, source: source, into: &found)
            collect(right, source: source, into: &found)
        case .binary(let operation, let left, let right):
            guard operation == .equal else { return }
            if let pair = fieldEqualsText(left, right) ?? fieldEqualsText(right, left),
               let filter = source.filterName(forField: pair.field), !pair.text.isEmpty, !pair.text.contains(",") {
                found[filter] = pair.text
            }
        default:
            return
        }
    }

    /// `field` and a string constant; commas would turn into an OR list.
    private static func fieldEqualsText(_ field: ResolvedExpr, _ constant: ResolvedExpr) -> (field: String, text: String)? {
        guard case .field(let name, element: let element, fallback: let fallback) = field.kind,
              case .constant(let value) = constant.kind, case .string(let text) = value else { return nil }
        _ = (element, fallback)
        return (name, text)
    }
}
