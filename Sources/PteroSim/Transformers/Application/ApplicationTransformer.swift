/// Renders application-API objects; relationship includes are gated by the key's read
/// bits (`null_resource` when missing), as the panel's transformers do.
struct ApplicationTransformer {
    let includes: Includes
    let caller: Caller

    init(includes: Includes, caller: Caller) {
        self.includes = includes
        self.caller = caller
    }

    func nested(_ name: String) -> ApplicationTransformer {
        ApplicationTransformer(includes: includes.nested(name), caller: caller)
    }

    /// Builds the `relationships` pairs for the requested allowed includes, in declared order.
    func relationships(_ allowed: [(String, ApplicationResource?)], render: (String, ApplicationTransformer) -> JSONValue) -> [(String, JSONValue)] {
        allowed.filter { includes.has($0.0) }.map { name, resource in
            if let resource, !caller.allows(resource, write: false) { return (name, Envelope.nullResource) }
            return (name, render(name, nested(name)))
        }
    }
}
