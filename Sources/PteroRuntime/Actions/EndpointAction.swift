import PteroKit
import PteroLang

/// Actions that are one request under the object's path, the arguments
/// bound by name and sent as the JSON body: most write endpoints are this.
extension ResourceAction {
    /// Which of an object's paths an endpoint hangs off.
    enum Base: Sendable {
        /// Where the object was read (`.../backups/{uuid}`).
        case own
        /// A server's client-API path, by its identifier.
        case client
        /// A server's application-API path, by its id.
        case application
    }

    static func endpoint(_ name: String, _ method: HTTPMethod, _ base: Base, _ suffix: String = "",
                         parameters: [String] = [], required: [String] = [], defaults: [(String, String)] = [],
                         destructive: Bool = false, summary: String) -> ResourceAction {
        let start = switch base {
        case .own: "{own}"
        case .client: "/api/client/servers/{identifier}"
        case .application: "/api/application/servers/{id}"
        }
        return ResourceAction(name: name, isDestructive: destructive, parameters: parameters,
                              endpoint: "\(method.rawValue) \(start)\(suffix)", summary: summary) { resource, arguments in
            let callee = "\(resource.kind.typeName.lowercased()).\(name)"
            let bound = try BoundArguments(arguments, callee: callee, parameters: parameters, required: required)
            for (field, value) in bound.values { try WholeNumbers.check(field, value) }
            let path = try self.base(base, of: resource, action: name) + suffix
            guard !parameters.isEmpty else { return PanelRequest(method, path) }
            return PanelRequest(method, path, body: .json(try JSONBody.encode(bound.body(adding: defaults.map { ($0.0, Value($0.1)) }))))
        }
    }

    /// The path an action of `resource` starts from; a clear error when the
    /// object was not read in a way that tells it.
    static func base(_ base: Base, of resource: Resource, action: String) throws -> String {
        switch base {
        case .own:
            if let path = resource.path { return path }
        case .client:
            if let path = resource.clientPath { return path }
            throw RuntimeError("\(resource.displayText) has no identifier, so \(action)() cannot reach it")
        case .application:
            return "/api/application/servers/\(try id(of: resource))"
        }
        throw RuntimeError("\(resource.displayText) was not read from a list, so \(action)() does not know its path")
    }
}
