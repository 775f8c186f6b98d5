/// Reading and writing parts of values: members, indexes, membership.
extension Interpreter {
    /// Zero-argument readers available as `x.name` without a call.
    static let listProperties: Set<String> = ["count", "first", "last"]

    func member(_ receiver: Value, _ name: String) throws -> Value {
        switch receiver {
        case .map(let map):
            if let value = map.value(forName: name) { return value }
            if MapMethods.table[name] != nil {
                throw RuntimeError("map has no key '\(name)'; to call the method, write .\(name)()")
            }
            let hint = closestName(to: name, among: map.keys.compactMap { if case .string(let key) = $0 { return key } else { return nil } })
            throw RuntimeError("map has no key '\(name)'" + (hint.map { "; did you mean '\($0)'?" } ?? "") + "; use .get(\"\(name)\", default) when it may be missing")
        case .list(let list):
            switch name {
            case "count": return .int(list.items.count)
            case "first": return list.items.first ?? .null
            case "last": return list.items.last ?? .null
            default: break
            }
        case .range(let range):
            switch name {
            case "count": return .int(range.count)
            case "first": return range.count > 0 ? .int(range.low) : .null
            case "last": return range.count > 0 ? .int(range.element(range.count - 1)) : .null
            default: break
            }
        case .host(let host):
            if let value = try host.member(name, interpreter: self) { return value }
            let hint = closestName(to: name, among: host.memberNames).map { "; did you mean '\($0)'?" } ?? ""
            throw RuntimeError("\(host.typeName) has no field '\(name)'\(hint)")
        case .null:
            throw RuntimeError("cannot read '.\(name)' of null; use '?.' when the value may be null")
        default:
            break
        }
        if hasMethod(receiver, name) {
            throw RuntimeError("'\(name)' is a method of \(receiver.typeName); call it: .\(name)(...)")
        }
        throw RuntimeError("\(receiver.typeName) has no member '\(name)'")
    }

    func hasMethod(_ receiver: Value, _ name: String) -> Bool {
        switch receiver {
        case .list, .range: return ListMethods.table[name] != nil
        case .map: return MapMethods.table[name] != nil
        case .string: return StringMethods.table[name] != nil
        default: return false
        }
    }

    func noMethodMessage(_ receiver: Value, _ name: String) -> String {
        if case .null = receiver { return "cannot call '.\(name)()' on null; use '?.' when the value may be null" }
        let hint = closestName(to: name, among: memberNames(of: receiver)).map { "; did you mean '\($0)'?" } ?? ""
        return "\(receiver.typeName) has no method '\(name)'\(hint)"
    }

    /// What completion offers after `x.`.
    public func memberNames(of value: Value) -> [String] {
        switch value {
        case .list, .range: return Array(ListMethods.table.keys) + Array(Interpreter.listProperties)
        case .map(let map):
            return map.keys.compactMap { if case .string(let key) = $0 { return key } else { return nil } } + Array(MapMethods.table.keys)
        case .string: return Array(StringMethods.table.keys)
        case .host(let host): return host.memberNames
        default: return []
        }
    }

    func index(_ container: Value, _ key: Value) throws -> Value {
        switch (container, key) {
        case (.list(let list), .int(let position)):
            return list.items[try checkedIndex(position, count: list.items.count)]
        case (.list(let list), .range(let range)):
            let bounds = try slice(range, count: list.items.count)
            return .list(ListObject(Array(list.items[bounds])))
        case (.string(let text), .int(let position)):
            let characters = Array(text)
            return .string(String(characters[try checkedIndex(position, count: characters.count)]))
        case (.string(let text), .range(let range)):
            let characters = Array(text)
            return .string(String(characters[try slice(range, count: characters.count)]))
        case (.range(let range), .int(let position)):
            return .int(range.element(try checkedIndex(position, count: range.count)))
        case (.map(let map), _):
            guard let mapKey = MapKey(key) else { throw RuntimeError("\(key.describedType) cannot be a map key") }
            guard let value = map[mapKey] else {
                throw RuntimeError("map has no key \(key.literalText); use .get(\(key.literalText), default) when it may be missing")
            }
            return value
        case (.host(let host), _):
            if let value = try host.index(key, interpreter: self) { return value }
            throw RuntimeError("\(host.describedType) cannot be indexed")
        case (.list, _), (.string, _), (.range, _):
            throw RuntimeError("\(container.describedType) index must be an integer or a range, not \(key.typeName)")
        default:
            throw RuntimeError("\(container.describedType) cannot be indexed")
        }
    }

    /// A position from `i`, counting from the end when negative.
    func checkedIndex(_ position: Int, count: Int) throws -> Int {
        let resolved = position < 0 ? count + position : position
        guard resolved >= 0, resolved < count else {
            throw RuntimeError("index \(position) is out of range (count \(count))")
        }
        return resolved
    }

    func slice(_ range: RangeObject, count: Int) throws -> Range<Int> {
        guard range.step == 1 else { throw RuntimeError("cannot slice with a stepped range") }
        let low = range.low < 0 ? count + range.low : range.low
        var high = range.high
        if range.inclusive {
            let last = range.high - 1
            high = (last < 0 ? count + last : last) + 1
        } else if high < 0 {
            high += count
        }
        guard low >= 0, high <= count, low <= high else {
            throw RuntimeError("slice \(Value.range(range).literalText) is out of range (count \(count))")
        }
        return low..<high
    }

    func setIndex(_ container: Value, _ key: Value, _ value: Value) throws {
        switch (container, key) {
        case (.list(let list), .int(let position)):
            list.items[try checkedIndex(position, count: list.items.count)] = value
        case (.map(let map), _):
            guard let mapKey = MapKey(key) else { throw RuntimeError("\(key.describedType) cannot be a map key") }
            if map.count >= limits.maximumCount, map[mapKey] == nil { try limits.checkCount(map.count + 1, "map") }
            map[mapKey] = value
        case (.list, _):
            throw RuntimeError("a list index must be an integer, not \(key.typeName)")
        default:
            throw RuntimeError("cannot assign into \(container.describedType) by index")
        }
    }

    func setMember(_ container: Value, _ name: String, _ value: Value) throws {
        switch container {
        case .map(let map):
            if map.count >= limits.maximumCount, map[.string(name)] == nil { try limits.checkCount(map.count + 1, "map") }
            map[.string(name)] = value
        case .host(let host):
            guard try host.setMember(name, to: value, interpreter: self) else {
                throw RuntimeError("cannot set '\(name)' of \(host.describedType); use its update methods")
            }
        default:
            throw RuntimeError("cannot set '.\(name)' on \(container.describedType)")
        }
    }

    /// `x in container`.
    func contains(_ container: Value, _ element: Value) throws -> Bool {
        switch container {
        case .list(let list): return list.items.contains { Operators.equal($0, element) }
        case .map(let map):
            guard let key = MapKey(element) else { return false }
            return map[key] != nil
        case .string(let text):
            guard case .string(let part) = element else {
                throw RuntimeError("'in' a string needs a string on its left, not \(element.typeName)")
            }
            return text.contains(part)
        case .range(let range):
            switch element {
            case .int(let number): return range.contains(number)
            case .double(let number): return number == number.rounded() && abs(number) < 9e18 && range.contains(Int(number))
            default: return false
            }
        case .host:
            let iterator = try makeIterator(container)
            while let item = try iterator() {
                if Operators.equal(item, element) { return true }
            }
            return false
        default:
            throw RuntimeError("cannot look for a value 'in' \(container.describedType)")
        }
    }

    /// A function yielding the elements of anything `for` can loop over.
    func makeIterator(_ value: Value) throws -> () throws -> Value? {
        switch value {
        case .list(let list):
            let items = list.items
            var position = 0
            return {
                guard position < items.count else { return nil }
                defer { position += 1 }
                return items[position]
            }
        case .range(let range):
            var position = 0
            let count = range.count
            return {
                guard position < count else { return nil }
                defer { position += 1 }
                return .int(range.element(position))
            }
        case .map(let map):
            let keys = map.keys
            var position = 0
            return {
                guard position < keys.count else { return nil }
                defer { position += 1 }
                return keys[position].value
            }
        case .string(let text):
            var characters = text.makeIterator()
            return { characters.next().map { .string(String($0)) } }
        case .host(let host):
            guard let iterator = try host.makeIterator(interpreter: self) else {
                throw RuntimeError("cannot loop over \(host.describedType)")
            }
            return { try iterator.next() }
        default:
            throw RuntimeError("cannot loop over \(value.describedType)")
        }
    }

    /// `items where condition`: a list for plain values; hosts may answer lazily.
    func query(_ items: Value, _ predicate: Predicate) throws -> Value {
        if case .host(let host) = items, let result = try host.filtered(by: predicate, interpreter: self) {
            return result
        }
        let next = try makeIterator(items)
        var kept: [Value] = []
        while let item = try next() {
            try checkInterrupt()
            if try predicate.test(item) { kept.append(item) }
        }
        return .list(ListObject(kept))
    }
}
