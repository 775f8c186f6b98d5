import Foundation

/// How `import "name"` finds files: beside the importing file (or the
/// working folder for `-e`, stdin and the REPL); `.ptero` may be left off.
public enum FileImporter {
    public static func load(_ name: String, from importer: Source) throws -> Source {
        let folder = importer.name.hasPrefix("<") ? FileManager.default.currentDirectoryPath
            : (importer.name as NSString).deletingLastPathComponent
        var path = name.hasPrefix("/") ? name : (folder.isEmpty ? name : folder + "/" + name)
        if !FileManager.default.fileExists(atPath: path), FileManager.default.fileExists(atPath: path + ".ptero") {
            path += ".ptero"
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuntimeError("no such file \(path)")
        }
        return Source(name: (path as NSString).standardizingPath, text: String(decoding: data, as: UTF8.self))
    }
}
