import Foundation

/// A data-driven Laravel validator: every endpoint declares `FieldRules` and gets the
/// panel's 422 body (one entry per failed rule, `meta.source_field`, `meta.rule`).
enum Validator {
    static func validate(_ body: JSONValue, _ fields: [FieldRules]) throws {
        let entries = failures(body, fields)
        if !entries.isEmpty { throw PanelError(validation: entries) }
    }

    static func failures(_ body: JSONValue, _ fields: [FieldRules]) -> [PanelError.Entry] {
        var entries: [PanelError.Entry] = []
        for field in fields {
            for (path, value) in expand(field.field, in: body) {
                entries += check(path: path, value: value, field: field, body: body)
            }
        }
        return entries
    }

    /// Resolves a dotted path; `nil` means the key is absent (not the same as JSON null).
    static func lookup(_ path: String, in body: JSONValue) -> JSONValue? {
        var current: JSONValue? = body
        for part in path.split(separator: ".") {
            guard let node = current else { return nil }
            switch node {
            case .object: current = node[String(part)]
            case .array(let items):
                guard let index = Int(part), items.indices.contains(index) else { return nil }
                current = items[index]
            default: return nil
            }
        }
        return current
    }

    private static func expand(_ pattern: String, in body: JSONValue) -> [(String, JSONValue?)] {
        guard let star = pattern.range(of: ".*") else { return [(pattern, lookup(pattern, in: body))] }
        let prefix = String(pattern[..<star.lowerBound])
        let rest = String(pattern[star.upperBound...])
        guard let container = lookup(prefix, in: body) else { return [] }
        let count: Int
        switch container {
        case .array(let items): count = items.count
        default: return []
        }
        return (0..<count).flatMap { index in expand(prefix + ".\(index)" + rest, in: body) }
    }

    private static func check(path: String, value: JSONValue?, field: FieldRules, body: JSONValue) -> [PanelError.Entry] {
        let nullable = field.rules.contains { if case .nullable = $0 { return true }; return false }
        let kind = SizeKind(field.rules)
        let attribute = field.label ?? path.replacingOccurrences(of: "_", with: " ")
        var entries: [PanelError.Entry] = []
        let sometimes = field.rules.contains { if case .sometimes = $0 { return true }; return false }
        if sometimes && value == nil { return [] }
        for rule in field.rules {
            if case .nullable = rule { continue }
            if case .sometimes = rule { continue }
            if !rule.isImplicit {
                guard let present = value else { continue }
                if present.isNull && nullable { continue }
            }
            if RuleEvaluator.passes(rule, value: value, kind: kind, body: body, path: path) { continue }
            let message = ValidationMessages.message(for: rule, attribute: attribute, kind: kind, body: body)
            entries.append(PanelError.Entry(code: "ValidationException", detail: message, sourceField: path, rule: .some(rule.name)))
            if rule.isImplicit { break }
        }
        return entries
    }
}
