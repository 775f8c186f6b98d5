import Foundation

/// Encodes an `Encodable` to `OrderedJSON`, keeping keys in the order its
/// `encode(to:)` writes them (the CodingKeys' order for synthesized
/// conformances). A dictionary has no order of its own, so its keys are
/// sorted: the same value always gives the same bytes.
enum OrderedJSONEncoding {
    static func encode<Value: Encodable>(_ value: Value) throws -> OrderedJSON {
        let slot = Slot()
        try encode(value, into: slot, codingPath: [])
        return slot.resolved
    }

    static func encode(_ value: any Encodable, into slot: Slot, codingPath: [any CodingKey]) throws {
        if let dictionary = value as? [String: any Encodable] {
            var members = [(String, Slot)]()
            for key in dictionary.keys.sorted() {
                guard let item = dictionary[key] else { continue }
                let child = Slot()
                try encode(item, into: child, codingPath: codingPath + [Key(key)])
                members.append((key, child))
            }
            slot.content = .object(members)
            return
        }
        try value.encode(to: SlotEncoder(slot: slot, codingPath: codingPath))
    }

    /// Where one value is being written; containers fill it in place.
    final class Slot {
        enum Content {
            case empty
            case value(OrderedJSON)
            case object([(String, Slot)])
            case array([Slot])
        }

        var content = Content.empty

        var resolved: OrderedJSON {
            switch content {
            case .empty: OrderedJSON.object([OrderedJSON.Member]())
            case .value(let value): value
            case .object(let members): .object(members.map { OrderedJSON.Member($0.0, $0.1.resolved) })
            case .array(let items): .array(items.map(\.resolved))
            }
        }

        /// The slot for `key`, created at the end the first time.
        func member(_ key: String) -> Slot {
            var members: [(String, Slot)] = []
            if case .object(let existing) = content { members = existing }
            if let found = members.first(where: { $0.0 == key }) { return found.1 }
            let child = Slot()
            members.append((key, child))
            content = .object(members)
            return child
        }

        func appended() -> Slot {
            var items: [Slot] = []
            if case .array(let existing) = content { items = existing }
            let child = Slot()
            items.append(child)
            content = .array(items)
            return child
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
    }

    static func integer<Number: BinaryInteger>(_ number: Number, _ codingPath: [any CodingKey]) throws -> OrderedJSON {
        guard let value = Int(exactly: number) else {
            throw EncodingError.invalidValue(number, EncodingError.Context(codingPath: codingPath, debugDescription: "\(number) is out of range"))
        }
        return .int(value)
    }

    struct SlotEncoder: Encoder {
        let slot: Slot
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Keys: CodingKey>(keyedBy type: Keys.Type) -> KeyedEncodingContainer<Keys> {
            if case .object = slot.content {} else { slot.content = .object([]) }
            return KeyedEncodingContainer(Keyed<Keys>(slot: slot, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .array = slot.content {} else { slot.content = .array([]) }
            return Unkeyed(slot: slot, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(slot: slot, codingPath: codingPath)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { slot.content = .value(.null) }
        mutating func encode(_ value: Bool) throws { slot.content = .value(.bool(value)) }
        mutating func encode(_ value: String) throws { slot.content = .value(.string(value)) }
        mutating func encode(_ value: Double) throws { slot.content = .value(.double(value)) }
        mutating func encode(_ value: Float) throws { slot.content = .value(.double(Double(value))) }
        mutating func encode(_ value: Int) throws { slot.content = .value(.int(value)) }
        mutating func encode(_ value: Int8) throws { slot.content = .value(try integer(value, codingPath)) }
        mutating func encode(_ value: Int16) throws { slot.content = .value(try integer(value, codingPath)) }
        mutating func encode(_ value: Int32) throws { slot.content = .value(try integer(value, codingPath)) }
        mutating func encode(_ value: Int64) throws { slot.content = .value(try integer(value, codingPath)) }
        mutating func encode(_ value: UInt) throws { slot.content = .value(try integer(value, codingPath)) }
        mutating func encode(_ value: UInt8) throws { slot.content = .value(try integer(value, codingPath)) }
        mutating func encode(_ value: UInt16) throws { slot.content = .value(try integer(value, codingPath)) }
        mutating func encode(_ value: UInt32) throws { slot.content = .value(try integer(value, codingPath)) }
        mutating func encode(_ value: UInt64) throws { slot.content = .value(try integer(value, codingPath)) }
        mutating func encode<Value: Encodable>(_ value: Value) throws {
            try OrderedJSONEncoding.encode(value, into: slot, codingPath: codingPath)
        }
    }

    struct Keyed<Keys: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        let codingPath: [any CodingKey]

        private func single(_ key: Keys) -> Single { Single(slot: slot.member(key.stringValue), codingPath: codingPath + [key]) }

        mutating func encodeNil(forKey key: Keys) throws { var inner = single(key); try inner.encodeNil() }
        mutating func encode(_ value: Bool, forKey key: Keys) throws { var inner = single(key); try inner.encode(value) }
        mutating func encode(_ value: String, forKey key: Keys) throws { var inner = single(key); try inner.encode(value) }
        mutating func encode(_ value: Double, forKey key: Keys) throws { var inner = single(key); try inner.encode(value) }
        mutating func encode(_ value: Float, forKey key: Keys) throws { var inner = single(key); try inner.encode(value) }
        mutating func encode(_ value: Int, forKey key: Keys) throws { var inner = single(key); try inner.encode(value) }
        mutating func encode(_ value: Int8, forKey key: Keys) throws { var inner = single(key); try inner.encode(value) }
        mutating func encode(_ value: Int16, forKey key: Keys) throws { var inner = single(key); try inner.encode(value) }
        mutating func encode(_ value: Int32, forKey key: Keys) throws { var inner = single(key); try inner.encode(value) }
        mutating func encode(_ value: Int64, forKey key: Keys) throws { var inner = single(key); try inner.encode(value) }
        mutating func encode(_ value: UInt, forKey key: Keys) throws { var inner = single(key); try inner.encode(value) }
        mutating func encode(_ value: UInt8, forKey key: Keys) throws { var inner = single(key); try inner.encode(value) }
        mutating func encode(_ value: UInt16, forKey key: Keys) throws { var inner = single(key); try inner.encode(value) }
        mutating func encode(_ value: UInt32, forKey key: Keys) throws { var inner = single(key); try inner.encode(value) }
        mutating func encode(_ value: UInt64, forKey key: Keys) throws { var inner = single(key); try inner.encode(value) }
        mutating func encode<Value: Encodable>(_ value: Value, forKey key: Keys) throws { var inner = single(key); try inner.encode(value) }

        mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type, forKey key: Keys) -> KeyedEncodingContainer<Nested> {
            SlotEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer(forKey key: Keys) -> any UnkeyedEncodingContainer {
            SlotEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            SlotEncoder(slot: slot.member("super"), codingPath: codingPath + [OrderedJSONEncoding.Key("super")])
        }

        mutating func superEncoder(forKey key: Keys) -> any Encoder {
            SlotEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]
        var count: Int {
            if case .array(let items) = slot.content { return items.count }
            return 0
        }

        private func next() -> Single {
            let index = count
            return Single(slot: slot.appended(), codingPath: codingPath + [OrderedJSONEncoding.Key(intValue: index) ?? OrderedJSONEncoding.Key(String(index))])
        }

        mutating func encodeNil() throws { var inner = next(); try inner.encodeNil() }
        mutating func encode(_ value: Bool) throws { var inner = next(); try inner.encode(value) }
        mutating func encode(_ value: String) throws { var inner = next(); try inner.encode(value) }
        mutating func encode(_ value: Double) throws { var inner = next(); try inner.encode(value) }
        mutating func encode(_ value: Float) throws { var inner = next(); try inner.encode(value) }
        mutating func encode(_ value: Int) throws { var inner = next(); try inner.encode(value) }
        mutating func encode(_ value: Int8) throws { var inner = next(); try inner.encode(value) }
        mutating func encode(_ value: Int16) throws { var inner = next(); try inner.encode(value) }
        mutating func encode(_ value: Int32) throws { var inner = next(); try inner.encode(value) }
        mutating func encode(_ value: Int64) throws { var inner = next(); try inner.encode(value) }
        mutating func encode(_ value: UInt) throws { var inner = next(); try inner.encode(value) }
        mutating func encode(_ value: UInt8) throws { var inner = next(); try inner.encode(value) }
        mutating func encode(_ value: UInt16) throws { var inner = next(); try inner.encode(value) }
        mutating func encode(_ value: UInt32) throws { var inner = next(); try inner.encode(value) }
        mutating func encode(_ value: UInt64) throws { var inner = next(); try inner.encode(value) }
        mutating func encode<Value: Encodable>(_ value: Value) throws { var inner = next(); try inner.encode(value) }

        mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type) -> KeyedEncodingContainer<Nested> {
            SlotEncoder(slot: slot.appended(), codingPath: codingPath).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            SlotEncoder(slot: slot.appended(), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            SlotEncoder(slot: slot.appended(), codingPath: codingPath)
        }
    }
}
