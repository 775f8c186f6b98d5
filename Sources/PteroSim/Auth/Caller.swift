/// The authenticated user and the key they used.
struct Caller: Sendable {
    var user: User
    var key: ApiKey

    /// Whether an application key (not a root admin's client key) grants `bit` on `resource`.
    func allows(_ resource: ApplicationResource, write: Bool) -> Bool {
        guard key.kind == .application else { return true }
        let bits = key.permissions[resource.rawValue] ?? 0
        return write ? bits & 2 != 0 : bits & 1 != 0
    }
}
