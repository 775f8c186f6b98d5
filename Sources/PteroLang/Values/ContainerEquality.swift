/// `==` on lists and maps, with a work list instead of recursion: a list a
/// million levels deep compares without exhausting the stack, and two lists
/// that hold themselves (`a.push(a)`) compare without looping forever.
enum ContainerEquality {
    /// Two containers are equal when no pair of their elements, however deep,
    /// differs. A pair met again is taken as equal: if it is not, the
    /// difference is found through the pair's other elements. `a` and `b` are
    /// two lists or two maps of one count (`Operators.shallowEqual` said
    /// `.containers`), as is every pair the work list holds.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        var pending = [(a, b)]
        var compared: Set<Pair> = []
        while let (left, right) = pending.popLast() {
            switch (unwrapped(left), unwrapped(right)) {
            case (.list(let x), .list(let y)):
                guard compared.insert(Pair(x, y)).inserted else { continue }
                for (item, other) in zip(x.items, y.items) {
                    guard compare(item, other, into: &pending) else { return false }
                }
            case (.map(let x), .map(let y)):
                guard compared.insert(Pair(x, y)).inserted else { continue }
                for (key, value) in x.entries {
                    guard let other = y[key], compare(value, other, into: &pending) else { return false }
                }
            default:
                return false
            }
        }
        return true
    }

    /// False when the two differ on their face; two containers go on the work list.
    @inline(__always)
    private static func compare(_ left: Value, _ right: Value, into pending: inout [(Value, Value)]) -> Bool {
        switch Operators.shallowEqual(left, right) {
        case .same: return true
        case .different: return false
        case .containers:
            pending.append((left, right))
            return true
        }
    }

    private static func unwrapped(_ value: Value) -> Value {
        if case .cell(let box) = value { return box.value }
        return value
    }

    /// Two containers being compared, by identity.
    private struct Pair: Hashable {
        let left: ObjectIdentifier
        let right: ObjectIdentifier
        init(_ left: AnyObject, _ right: AnyObject) {
            self.left = ObjectIdentifier(left)
            self.right = ObjectIdentifier(right)
        }
    }
}
