/// Methods of maps. `m.name` reads an entry, so these are always called.
enum MapMethods {
    typealias Method = @Sendable (MapObject, inout Arguments, Interpreter) throws -> Value

    static let table: [String: Method] = [
        "keys": { map, arguments, _ in
            try arguments.expect(0...0)
            return .list(ListObject(map.keys.map(\.value)))
        },
        "values": { map, arguments, _ in
            try arguments.expect(0...0)
            return .list(ListObject(map.values))
        },
        "items": { map, arguments, _ in
            try arguments.expect(0...0)
            return .list(ListObject(map.entries.map { .list(ListObject([$0.0.value, $0.1])) }))
        },
        "has": { map, arguments, _ in
            try arguments.expect(1...1)
            return .bool(MapKey(arguments[0]).map { map[$0] != nil } ?? false)
        },
        "get": { map, arguments, _ in
            try arguments.expect(1...2)
            return MapKey(arguments[0]).flatMap { map[$0] } ?? arguments[1]
        },
        "remove": { map, arguments, _ in
            try arguments.expect(1...1)
            return MapKey(arguments[0]).flatMap { map.remove($0) } ?? .null
        },
        "count": { map, arguments, _ in
            try arguments.expect(0...0)
            return .int(map.count)
        },
        "merge": { map, arguments, _ in
            try arguments.expect(1...1)
            guard case .map(let other) = arguments[0] else { throw RuntimeError("merge() expects a map, got \(arguments[0].typeName)") }
            let merged = map.copy()
            for (key, value) in other.entries { merged[key] = value }
            return .map(merged)
        },
    ]
}
