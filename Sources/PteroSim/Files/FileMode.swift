/// `ls`-style mode strings and the daemon's mimetype guesses for file objects.
enum FileMode {
    static func symbolic(_ mode: Int, isDirectory: Bool) -> String {
        let letters = Array("rwxrwxrwx")
        var text = isDirectory ? "d" : "-"
        for index in 0..<9 { text.append(mode & (1 << (8 - index)) != 0 ? letters[index] : "-") }
        return text
    }

    static func mimetype(name: String, entry: VirtualFileSystem.Entry) -> String {
        if entry.isDirectory { return "inode/directory" }
        let lower = name.lowercased()
        if lower.hasSuffix(".json") { return "application/json" }
        if lower.hasSuffix(".jar") || lower.hasSuffix(".zip") { return "application/zip" }
        if lower.hasSuffix(".tar.gz") || lower.hasSuffix(".tgz") { return "application/gzip" }
        if entry.content.starts(with: FileArchive.magic) { return "application/gzip" }
        if entry.content.isEmpty { return "inode/x-empty" }
        if String(validating: entry.content, as: UTF8.self) != nil { return "text/plain; charset=utf-8" }
        return "application/octet-stream"
    }
}
