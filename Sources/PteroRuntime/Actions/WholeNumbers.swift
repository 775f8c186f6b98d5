import PteroKit
import PteroLang

/// Body fields the panel stores as integers. Its validation takes any
/// number (`'memory' => 'required|numeric|min:0'`) but its columns are
/// integers (panel: app/Models/Server.php, Node.php and Task.php `$casts`),
/// so `s.build(memory: s.limits.memory * 1.3)` would send 5324.8 to be cut
/// or refused there. Each named argument is checked before any request is
/// built, with what the field counts and how to make it whole.
enum WholeNumbers {
    /// What each integer field holds, as the message says it: the API
    /// table's `.whole` fields (create bodies included).
    static let meaning: [String: String] = {
        var meaning: [String: String] = [:]
        for (name, type) in fieldTypes { if case .whole(let text) = type { meaning[name] = text } }
        return meaning
    }()

    /// Fields that hold a list of ids.
    static let lists: [String: String] = {
        var lists: [String: String] = [:]
        for (name, type) in fieldTypes { if case .wholeList(let text) = type { lists[name] = text } }
        return lists
    }()

    /// Maps whose entries are checked by the same names (`limits: {memory: ...}`,
    /// a new server's `allocation: {default: ...}` and `deploy: {locations: [...]}`).
    static let nested: Set<String> = Set(fieldTypes.compactMap { name, type in
        if case .map = type { return name }
        return nil
    })

    /// Every body field of every dialect's API table by name (one type a
    /// name: APITableTests).
    static let fieldTypes: [(String, FieldType)] = PanelDialect.allCases.flatMap { dialect in
        dialect.table.endpoints.flatMap { endpoint in endpoint.body.flatMap { flatten($0) } }
    }

    private static func flatten(_ field: BodyField) -> [(String, FieldType)] {
        if case .map(let inner) = field.type { return [(field.name, field.type)] + inner.flatMap { flatten($0) } }
        return [(field.name, field.type)]
    }

    /// Checks `value` given for the field `name`: a float, a string or
    /// anything but an integer (or null, or an object, which is sent by
    /// its id) is an error. Maps named in `nested` are checked entry by entry.
    static func check(_ name: String, _ value: Value) throws {
        if nested.contains(name), case .map(let entries) = value {
            for (key, entry) in entries.entries {
                if case .string(let field) = key { try check(field, entry) }
            }
            return
        }
        if let meaning = meaning[name] {
            try whole(value, name: name, meaning: meaning)
        } else if let meaning = lists[name] {
            guard case .list(let items) = value else {
                if value.isNull { return }
                throw RuntimeError("\(name) is \(meaning) (got \(value.literalText))")
            }
            for item in items.items { try whole(item, name: name, meaning: meaning) }
        }
    }

    /// Every named argument of a call, checked.
    static func check(_ arguments: Arguments) throws {
        for (label, value) in arguments.named { try check(label, value) }
    }

    private static func whole(_ value: Value, name: String, meaning: String) throws {
        switch value {
        case .int, .null: return
        case .host(let resource as Resource) where resource.numericID != nil: return
        case .double:
            throw RuntimeError("\(name) is \(meaning) (got \(value.literalText)): use int(...) or round(...)")
        case .string:
            throw RuntimeError("\(name) is \(meaning) (got \(value.literalText)): use int(...) to read a number from text")
        default:
            throw RuntimeError("\(name) is \(meaning) (got \(value.describedType))")
        }
    }
}
