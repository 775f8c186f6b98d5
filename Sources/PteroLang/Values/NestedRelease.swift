/// Frees lists and maps nested inside a freed one without recursing: a list
/// a million levels deep (built by a loop, never by brackets) would otherwise
/// free itself a level per stack frame and overflow any stack.
enum NestedRelease {
    /// Empties `values`, which the caller's `deinit` is about to drop. Each
    /// list or map in it that nothing else holds is emptied onto a work list
    /// first, so it frees flat; the rest are only let go of.
    @inline(__always)
    static func release(_ values: inout [Value]) {
        guard values.contains(where: holdsValues) else { return }
        releaseNested(&values)
    }

    private static func holdsValues(_ value: Value) -> Bool {
        switch value {
        case .list, .map: return true
        default: return false
        }
    }

    private static func releaseNested(_ values: inout [Value]) {
        var pending: [Value] = []
        swap(&pending, &values)
        while !pending.isEmpty {
            switch container(pending.removeLast()) {
            // One holding no lists or maps frees flat by itself, as most records do.
            case .list(var list)?:
                if isKnownUniquelyReferenced(&list), list.items.contains(where: holdsValues) {
                    pending.append(contentsOf: list.takeItems())
                }
            case .map(var map)?:
                if isKnownUniquelyReferenced(&map), map.values.contains(where: holdsValues) {
                    pending.append(contentsOf: map.takeValues())
                }
            case nil:
                break
            }
        }
    }

    private enum Container {
        case list(ListObject)
        case map(MapObject)
    }

    /// The list or map a value holds, with the value itself gone, so the
    /// object's only other holders are those outside the work list.
    private static func container(_ value: consuming Value) -> Container? {
        switch consume value {
        case .list(let list): return .list(list)
        case .map(let map): return .map(map)
        default: return nil
        }
    }
}
