import PteroLang

/// `s.build` without a call: a panel method as a value, so that
/// `help(s.build)` can show its arguments, its endpoint and what it does,
/// and `let f = s.build; f(memory: 4GB)` works as the call would.
final class BoundMethod: HostValue {
    /// `server.build`, for `print` and messages.
    let qualifiedName: String
    let help: String
    let invoke: (inout Arguments, Interpreter) throws -> Value

    init(qualifiedName: String, help: String, invoke: @escaping (inout Arguments, Interpreter) throws -> Value) {
        self.qualifiedName = qualifiedName
        self.help = help
        self.invoke = invoke
    }

    var typeName: String { "Method" }
    var displayText: String { "<method \(qualifiedName)>" }
    var helpText: String? { help }

    func call(arguments: inout Arguments, interpreter: Interpreter) throws -> Value? {
        try invoke(&arguments, interpreter)
    }

    /// `resource.name` as a method value, when `name` is one of its actions.
    static func action(_ name: String, of resource: Resource) throws -> Value? {
        guard let action = try ResourceAction.find(name, for: resource.kind.object, in: resource.dialect) else { return nil }
        return .host(BoundMethod(qualifiedName: "\(resource.kind.typeName.lowercased()).\(name)",
                                 help: action.help(for: resource.kind, onQuery: false)) { arguments, interpreter in
            try resource.callMethod(name, arguments: &arguments, interpreter: interpreter) ?? .null
        })
    }

    /// `servers.suspend` (a bulk job) or `servers.create` as a method value.
    static func method(_ name: String, of query: PanelQuery) throws -> Value? {
        let kind = ResourceKind.forObject(query.source.object)
        let help: String
        if let action = try ResourceAction.find(name, for: query.source.object, in: query.session.dialect) {
            help = action.help(for: kind, onQuery: true)
        } else if name == "create", query.source.creatable {
            help = "create(...)\n  POST \(query.source.path)\n  Adds one \(kind.typeName.lowercased()); "
                + "the named arguments are the body's fields, and the new object comes back."
        } else {
            return nil
        }
        return .host(BoundMethod(qualifiedName: "\(query.source.name).\(name)", help: help) { arguments, interpreter in
            try query.callMethod(name, arguments: &arguments, interpreter: interpreter) ?? .null
        })
    }
}
