import Foundation

/// How `import "name"` finds files: beside the importing file (or the
/// working folder for `-e`, stdin and the REPL); `.ptero` may be left off.
public enum FileImporter {
    /// The largest file `import` reads: a script, not a data file.
    public static let maximumBytes = 16 << 20

    public static func load(_ name: String, from importer: Source) throws -> Source {
        let folder = importer.name.hasPrefix("<") ? FileManager.default.currentDirectoryPath
            : (importer.name as NSString).deletingLastPathComponent
        var path = name.hasPrefix("/") ? name : (folder.isEmpty ? name : folder + "/" + name)
        if !FileManager.default.fileExists(atPath: path), FileManager.default.fileExists(atPath: path + ".ptero") {
            path += ".ptero"
        }
        do {
            let text = try TextFile.read(path, maximumBytes: maximumBytes)
            return Source(name: (path as NSString).standardizingPath, text: text)
        } catch let refusal as TextFile.Refusal {
            throw RuntimeError(path == name ? refusal.reason : "\(refusal.reason) (\(Value.quote(path)))")
        }
    }
}
