/// One field of a request body and what the panel stores in it.
public struct BodyField: Sendable, Equatable {
    public let name: String
    public let type: FieldType
    /// For `BodyStrategy.asRead`: where the value is read from the object
    /// when the call does not name it (`limits.oom_disabled` for the build
    /// body's top-level `oom_disabled`); nil means the field's own name.
    public let readFrom: String?
    /// For `BodyStrategy.asRead`: sent only when the call names it
    /// (a user's `password`: the object as read has none to send back).
    public let onlyWhenNamed: Bool

    public init(_ name: String, _ type: FieldType, readFrom: String? = nil, onlyWhenNamed: Bool = false) {
        self.name = name
        self.type = type
        self.readFrom = readFrom
        self.onlyWhenNamed = onlyWhenNamed
    }

    /// A field of text.
    public static func text(_ name: String) -> BodyField { BodyField(name, .text) }
    /// A true/false field.
    public static func flag(_ name: String, readFrom: String? = nil) -> BodyField { BodyField(name, .flag, readFrom: readFrom) }
    /// An integer column; `meaning` says what it counts, as errors say it.
    public static func whole(_ name: String, _ meaning: String) -> BodyField { BodyField(name, .whole(meaning)) }
    /// A list of integers (ids).
    public static func wholeList(_ name: String, _ meaning: String, onlyWhenNamed: Bool = false) -> BodyField {
        BodyField(name, .wholeList(meaning), onlyWhenNamed: onlyWhenNamed)
    }
    /// A map of fields of its own (`limits: {memory, ...}`).
    public static func map(_ name: String, _ fields: [BodyField]) -> BodyField { BodyField(name, .map(fields)) }
    /// Any JSON value the panel takes as it is (a map of variables, a list of permissions).
    public static func any(_ name: String) -> BodyField { BodyField(name, .any) }

    /// This field sent only when named.
    public var whenNamed: BodyField { BodyField(name, type, readFrom: readFrom, onlyWhenNamed: true) }

    /// Its labels in a call: a map's fields by their own names, flattened.
    public var labels: [String] {
        if case .map(let fields) = type { return fields.flatMap(\.labels) }
        return [name]
    }

    func find(_ wanted: String) -> BodyField? {
        if name == wanted { return self }
        if case .map(let fields) = type {
            for field in fields {
                if let found = field.find(wanted) { return found }
            }
        }
        return nil
    }
}

/// What a body field holds.
public indirect enum FieldType: Sendable, Equatable {
    case text
    case flag
    /// An integer the panel stores in an integer column (its validation
    /// takes any number: app/Models/Server.php `'memory' => 'required|numeric|min:0'`,
    /// with integer `$casts`), so a fraction is refused before sending.
    /// The text says what it counts: "a whole number of MiB".
    case whole(String)
    case wholeList(String)
    case map([BodyField])
    case any
}
