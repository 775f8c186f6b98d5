/// Frees lists, maps and closures nested inside a freed one without
/// recursing: a list a million levels deep (built by a loop, never by
/// brackets), or a million closures each capturing the one before, would
/// otherwise free itself a level per stack frame and overflow any stack.
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
        case .list, .map, .closure, .cell: return true
        default: return false
        }
    }

    /// Empties the captured cells that only `closure` holds, as its
    /// `deinit` begins. `captures` is a `let` (calls read it without a
    /// retain), so its cells are tested for uniqueness in place: the array
    /// is the closure's own, made when the closure was.
    static func release(capturesOf closure: Closure) {
        var values: [Value] = []
        takeUniqueCaptures(of: closure, into: &values)
        if !values.isEmpty { releaseNested(&values) }
    }

    private static func takeUniqueCaptures(of closure: Closure, into values: inout [Value]) {
        closure.captures.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let cells = UnsafeMutablePointer(mutating: base)
            for index in buffer.indices where isKnownUniquelyReferenced(&cells[index]) {
                let cell = cells[index]
                if holdsValues(cell.value) {
                    values.append(cell.value)
                    cell.value = .null
                }
            }
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
            case .closure(var closure)?:
                if isKnownUniquelyReferenced(&closure) { takeUniqueCaptures(of: closure, into: &pending) }
            case .cell(var cell)?:
                if isKnownUniquelyReferenced(&cell), holdsValues(cell.value) {
                    pending.append(cell.value)
                    cell.value = .null
                }
            case nil:
                break
            }
        }
    }

    private enum Container {
        case list(ListObject)
        case map(MapObject)
        case closure(Closure)
        case cell(Box)
    }

    /// The list or map a value holds, with the value itself gone, so the
    /// object's only other holders are those outside the work list.
    private static func container(_ value: consuming Value) -> Container? {
        switch consume value {
        case .list(let list): return .list(list)
        case .map(let map): return .map(map)
        case .closure(let closure): return .closure(closure)
        case .cell(let cell): return .cell(cell)
        default: return nil
        }
    }
}
