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
                ("content", .string(Hex.encode(entry.content))),
            ])
        }
        return magic + JSONSerializer.serialize(.array(items))
    }

    static func decode(_ bytes: [UInt8]) -> [(path: String, isDirectory: Bool, mode: Int, content: [UInt8])]? {
        guard bytes.starts(with: magic),
              let value = try? JSONParser.parse(Array(bytes.dropFirst(magic.count))),
              let items = value.arrayValue else { return nil }
        return items.compactMap { item in
            guard let path = item["path"]?.stringValue, let text = item["content"]?.stringValue, let content = Hex.decode(text) else { return nil }
            return (path, item["directory"]?.boolValue ?? false, item["mode"]?.intValue ?? 0o644, content)
        }
    }
}
