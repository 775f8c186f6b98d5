/// The lists and maps being written around the value at hand (by `print`,
/// `json`), so that one holding itself is noticed where it recurs instead
/// of being written forever.
struct EnclosingContainers {
    private var identities: [ObjectIdentifier] = []

    var depth: Int { identities.count }

    /// False when `container` is already being written: a cycle. Otherwise
    /// it counts as enclosing until `leave()`.
    mutating func enter(_ container: AnyObject) -> Bool {
        let identity = ObjectIdentifier(container)
        guard !identities.contains(identity) else { return false }
        identities.append(identity)
        return true
    }

    mutating func leave() {
        identities.removeLast()
    }
}
