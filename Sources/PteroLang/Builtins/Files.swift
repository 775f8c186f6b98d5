import Foundation

/// Reading files a script is given (a CSV export, a list of names).
extension Builtins {
    static let files: [NativeFunction] = [
        NativeFunction("read_file", help: "read_file(path) is the text of a UTF-8 file; a relative path starts in the current folder") { arguments, _ in
            try arguments.expect(1...1)
            return .string(try readText(atPath: try arguments.string(0, "path")))
        },
    ]

    /// The file's text, or an error that names the path and why it cannot be read.
    static func readText(atPath path: String) throws -> String {
        let expanded = NSString(string: path).expandingTildeInPath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isFolder) else {
            throw RuntimeError("read_file(): cannot read \(Value.quote(path)): no such file")
        }
        if isFolder.boolValue { throw RuntimeError("read_file(): cannot read \(Value.quote(path)): it is a folder") }
        guard let data = FileManager.default.contents(atPath: expanded) else {
            throw RuntimeError("read_file(): cannot read \(Value.quote(path)): permission denied")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuntimeError("read_file(): cannot read \(Value.quote(path)): it is not UTF-8 text")
        }
        return text
    }
}
