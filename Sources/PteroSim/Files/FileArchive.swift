/// The sim's own archive encoding behind compress/decompress: a JSON document of
/// hex-encoded files, because a real tar.gz writer would add weight and nothing testable.
enum FileArchive {
    static let magic = Array("PTEROSIM-ARCHIVE\n".utf8)

    static func encode(_ files: [(String, VirtualFileSystem.Entry)]) -> [UInt8] {
        let items: [JSONValue] = files.map { path, entry in
            .object([
                ("path", .string(path)),
                ("directory", .bool(entry.isDirectory)),
                ("mode", .int(entry.mode)),
                ("content", .string(hex(entry.content))),
            ])
        }
        return magic + JSONSerializer.serialize(.array(items))
    }

    static func decode(_ bytes: [UInt8]) -> [(path: String, isDirectory: Bool, mode: Int, content: [UInt8])]? {
        guard bytes.starts(with: magic),
              let value = try? JSONParser.parse(Array(bytes.dropFirst(magic.count))),
              let items = value.arrayValue else { return nil }
        return items.compactMap { item in
            guard let path = item["path"]?.stringValue, let content = item["content"]?.stringValue else { return nil }
            return (path, item["directory"]?.boolValue ?? false, item["mode"]?.intValue ?? 0o644, unhex(content))
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        for byte in bytes { output.append(digits[Int(byte >> 4)]); output.append(digits[Int(byte & 15)]) }
        return String(decoding: output, as: UTF8.self)
    }

    private static func unhex(_ text: String) -> [UInt8] {
        let characters = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index + 1 < characters.count {
            let high = digits.firstIndex(of: characters[index]) ?? 0
            let low = digits.firstIndex(of: characters[index + 1]) ?? 0
            output.append(UInt8(high << 4 | low))
            index += 2
        }
        return output
    }
}
