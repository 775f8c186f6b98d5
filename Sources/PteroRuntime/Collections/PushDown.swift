import Foundation
import PteroKit
import PteroLang

/// Finds the parts of a `where` condition the panel can answer for us:
/// `field == "text"` as a `filter[...]`, and `node == 3` (or `user ==`,
/// `egg ==` with `nest ==`) as a relation's include, each only in the
/// `and` chain at the top of the condition (never through `or` or `not`).
/// The panel's filters are substring matches and an include is a superset
/// at worst, so the whole condition is still checked on every item; the
/// push-down only makes the panel send fewer of them.
enum PushDown {
    /// Set only by `scripts/bench/relations`, to time the same query with
    /// relation push-down off against a build that has it.
    static let relationsDisabledVariable = "PTERO_BENCH_NO_RELATION_PUSHDOWN"
    static let relationsDisabled = ProcessInfo.processInfo.environment[relationsDisabledVariable] != nil

    static func filters(in predicate: PteroLang.Predicate, source: CollectionSource) -> [String: String] {
        var found: [String: String] = [:]
        for (field, value) in equalities(in: predicate.condition, predicate: predicate, source: source) {
            guard case .string(let text) = value, let filter = source.filterName(forField: field),
                  !text.isEmpty, !text.contains(","), found[filter] == nil else { continue }
            found[filter] = text
        }
        return found
    }

    /// The relation that lists every item the condition can accept, when
    /// the condition pins one: see `RelationPath.candidates`.
    static func relation(in predicate: PteroLang.Predicate, source: CollectionSource, table: APITable) -> RelationPath? {
        guard !relationsDisabled else { return nil }
        var ids: [String: Int] = [:]
        for (field, value) in equalities(in: predicate.condition, predicate: predicate, source: source) {
            // Panel ids start at 1: anything else is no object, left to the local check.
            if case .int(let id) = value, id >= 1, ids[field] == nil { ids[field] = id }
        }
        return RelationPath.candidates(for: source, in: table).lazy.compactMap { $0.path(ids, in: table) }.first
    }

    /// `field == value` pairs of the top-level `and` chain, in the order
    /// written, with each value as it is now (a constant or a variable).
    private static func equalities(in condition: ResolvedExpr, predicate: PteroLang.Predicate,
                                   source: CollectionSource) -> [(String, Value)] {
        switch condition.kind {
        case .logical(let operation, let left, let right):
            guard operation == .and else { return [] }
            return equalities(in: left, predicate: predicate, source: source) + equalities(in: right, predicate: predicate, source: source)
        case .binary(let operation, let left, let right):
            guard operation == .equal else { return [] }
            if let field = elementField(left, predicate), let value = outsideValue(right, predicate, source) { return [(field, value)] }
            if let field = elementField(right, predicate), let value = outsideValue(left, predicate, source) { return [(field, value)] }
            return []
        default:
            return []
        }
    }

    /// A field of the element: a bare `node`, or `it.node` / `s.node` with
    /// the element named.
    private static func elementField(_ expression: ResolvedExpr, _ predicate: PteroLang.Predicate) -> String? {
        switch expression.kind {
        case .field(let name, element: let element, fallback: let fallback):
            _ = fallback
            return predicate.isElement(element) ? name : nil
        case .member(let object, let name, optional: let optional):
            _ = optional
            guard case .variable(let reference) = object.kind, predicate.isElement(reference) else { return nil }
            return name
        default:
            return nil
        }
    }

    /// A constant, or a variable from outside the condition as it is now.
    /// A bare name is the element's field when the element has one, so it
    /// counts as a variable only when the collection's objects are known to
    /// have no member of that name.
    private static func outsideValue(_ expression: ResolvedExpr, _ predicate: PteroLang.Predicate, _ source: CollectionSource) -> Value? {
        switch expression.kind {
        case .constant(let value):
            return value
        case .variable(let reference):
            return predicate.isElement(reference) ? nil : predicate.outsideValue(of: reference)
        case .field(let name, element: let element, fallback: let fallback):
            _ = element
            guard let fallback, let members = ResourceFields.whereNames(for: source.object),
                  !members.contains(name), ResourceAction.table[source.object]?.contains(where: { $0.name == name }) != true else { return nil }
            return predicate.outsideValue(of: fallback)
        default:
            return nil
        }
    }
}
