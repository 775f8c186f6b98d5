/// Methods of lists (and of ranges, which act as read-only lists). Only
/// `push`, `pop`, `insert` and `remove_at` change the list; the rest return new values.
enum ListMethods {
    typealias Method = @Sendable (ListObject, inout Arguments, Interpreter) throws -> Value

    static let table: [String: Method] = [
        "push": { list, arguments, interpreter in
            try arguments.expect(1...Int.max)
            try interpreter.limits.checkCount(list.items.count + arguments.count)
            list.items.append(contentsOf: arguments.positional)
            return .null
        },
        "pop": { list, arguments, interpreter in
            try arguments.expect(0...1)
            guard !list.items.isEmpty else { throw RuntimeError("pop() from an empty list") }
            if arguments.count == 1 {
                return list.items.remove(at: try interpreter.checkedIndex(try arguments.int(0, "index"), count: list.items.count))
            }
            return list.items.removeLast()
        },
        "insert": { list, arguments, interpreter in
            try arguments.expect(2...2)
            try interpreter.limits.checkCount(list.items.count + 1)
            let position = try arguments.int(0, "index")
            let resolved = position < 0 ? list.items.count + position : position
            guard resolved >= 0, resolved <= list.items.count else {
                throw RuntimeError("insert() index \(position) is out of range (count \(list.items.count))")
            }
            list.items.insert(arguments[1], at: resolved)
            return .null
        },
        "remove_at": { list, arguments, interpreter in
            try arguments.expect(1...1)
            return list.items.remove(at: try interpreter.checkedIndex(try arguments.int(0, "index"), count: list.items.count))
        },
        "map": { list, arguments, interpreter in
            try arguments.expect(1...1)
            let function = try arguments.function(arguments[0], "to apply")
            var result: [Value] = []
            result.reserveCapacity(list.items.count)
            for item in list.items { result.append(try interpreter.call(function, [item])) }
            return .list(ListObject(result))
        },
        "filter": { list, arguments, interpreter in
            try arguments.expect(1...1)
            let function = try arguments.function(arguments[0], "to test each element")
            return .list(ListObject(try list.items.filter { try test(function, $0, interpreter, "filter") }))
        },
        "any": { list, arguments, interpreter in
            try arguments.expect(1...1)
            let function = try arguments.function(arguments[0], "to test each element")
            return .bool(try list.items.contains { try test(function, $0, interpreter, "any") })
        },
        "all": { list, arguments, interpreter in
            try arguments.expect(1...1)
            let function = try arguments.function(arguments[0], "to test each element")
            return .bool(try list.items.allSatisfy { try test(function, $0, interpreter, "all") })
        },
        "count": { list, arguments, interpreter in
            try arguments.expect(0...1)
            guard arguments.count == 1 else { return .int(list.items.count) }
            let function = try arguments.function(arguments[0], "to test each element")
            return .int(try list.items.filter { try test(function, $0, interpreter, "count") }.count)
        },
        "sort": { list, arguments, interpreter in
            try arguments.expect(0...0, labels: ["by", "descending"])
            let descending = arguments.labeled("descending").map { if case .bool(true) = $0 { return true } else { return false } } ?? false
            var keys = list.items
            if let by = arguments.labeled("by") {
                let function = try arguments.function(by, "as the sort key")
                keys = try list.items.map { try interpreter.call(function, [$0]) }
            }
            // Sort positions by key, breaking ties by position: a stable sort.
            var failure: Error?
            let order = keys.indices.sorted { a, b in
                if failure != nil { return false }
                do {
                    let result = try Operators.compare(keys[a], keys[b])
                    if result == 0 { return a < b }
                    return descending ? result > 0 : result < 0
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
            return .list(ListObject(order.map { list.items[$0] }))
        },
        "reverse": { list, arguments, _ in
            try arguments.expect(0...0)
            return .list(ListObject(list.items.reversed()))
        },
        "contains": { list, arguments, _ in
            try arguments.expect(1...1)
            return .bool(list.items.contains { Operators.equal($0, arguments[0]) })
        },
        "index_of": { list, arguments, _ in
            try arguments.expect(1...1)
            return list.items.firstIndex { Operators.equal($0, arguments[0]) }.map { .int($0) } ?? .null
        },
        "join": { list, arguments, interpreter in
            try arguments.expect(0...1)
            let separator = arguments.count == 0 ? "" : try arguments.string(0, "separator")
            let limits = interpreter.limits
            // Summed before joining: a list holding one long string many times joins to terabytes.
            var bytes = ValueLimits.product(separator.utf8.count, max(0, list.items.count - 1))
            var pieces: [String] = []
            pieces.reserveCapacity(list.items.count)
            for item in list.items {
                let piece = try item.displayText(within: limits)
                bytes = ValueLimits.sum(bytes, piece.utf8.count)
                try limits.checkString(bytes: bytes, "joined string")
                pieces.append(piece)
            }
            return .string(pieces.joined(separator: separator))
        },
        "first": { list, arguments, _ in
            try arguments.expect(0...0)
            return list.items.first ?? .null
        },
        "last": { list, arguments, _ in
            try arguments.expect(0...0)
            return list.items.last ?? .null
        },
        "take": { list, arguments, _ in
            try arguments.expect(1...1)
            let count = try arguments.int(0, "count")
            guard count >= 0 else { throw RuntimeError("take() expects a count of 0 or more") }
            return .list(ListObject(Array(list.items.prefix(count))))
        },
        "skip": { list, arguments, _ in
            try arguments.expect(1...1)
            let count = try arguments.int(0, "count")
            guard count >= 0 else { throw RuntimeError("skip() expects a count of 0 or more") }
            return .list(ListObject(Array(list.items.dropFirst(count))))
        },
        "sum": { list, arguments, interpreter in
            try arguments.expect(0...1, labels: ["by"])
            var items = list.items
            if let given = arguments.count == 1 ? arguments[0] : arguments.labeled("by") {
                let function = try arguments.function(given, "giving the amount to add")
                items = try items.map { try interpreter.call(function, [$0]) }
            }
            var total = Value.int(0)
            for item in items {
                switch item {
                case .int, .double: total = try Operators.arithmetic(.add, total, item, limits: interpreter.limits)
                default: throw RuntimeError("sum() can only add numbers, got \(item.typeName)")
                }
            }
            return total
        },
        "group": { list, arguments, interpreter in
            try arguments.expect(0...0, labels: ["by"])
            guard let by = arguments.labeled("by") else { throw RuntimeError("group() needs by: a function giving each element's key") }
            let function = try arguments.function(by, "giving each element's key")
            let groups = MapObject()
            for item in list.items {
                let key = try interpreter.call(function, [item])
                guard let mapKey = MapKey(key) else { throw RuntimeError("group(by:) keys must be text, numbers, bools or null, not \(key.typeName)") }
                if case .list(let members)? = groups[mapKey] {
                    members.items.append(item)
                } else {
                    groups[mapKey] = .list(ListObject([item]))
                }
            }
            return .map(groups)
        },
        "unique": { list, arguments, _ in
            try arguments.expect(0...0)
            var kept: [Value] = []
            for item in list.items where !kept.contains(where: { Operators.equal($0, item) }) { kept.append(item) }
            return .list(ListObject(kept))
        },
    ]

    static func test(_ function: Value, _ item: Value, _ interpreter: Interpreter, _ name: String) throws -> Bool {
        let result = try interpreter.call(function, [item])
        guard case .bool(let flag) = result else {
            throw RuntimeError("\(name)() expects its function to return true or false, got \(result.typeName)")
        }
        return flag
    }
}

extension Interpreter {
    /// Calls the list method `name` on `list`; nil when lists have no such
    /// method. Lets host collections offer every list method once fetched.
    public func callListMethod(_ name: String, on list: ListObject, arguments: inout Arguments) throws -> Value? {
        guard let method = ListMethods.table[name] else { return nil }
        return try method(list, &arguments, self)
    }

    /// The names of the list methods, for completion on host collections.
    public static var listMethodNames: [String] { Array(ListMethods.table.keys).sorted() }
}
