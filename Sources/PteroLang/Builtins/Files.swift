import Foundation

/// Reading files a script is given (a CSV export, a list of names).
extension Builtins {
    static let files: [NativeFunction] = [
        NativeFunction("read_file", help: "read_file(path) is the text of a UTF-8 file; a relative path starts in the current folder") { arguments, interpreter in
            try arguments.expect(1...1)
            let path = try arguments.string(0, "path")
            return try interpreter.outside("read_file(\(Value.quote(path)))") {
                .string(try readText(atPath: path, limits: interpreter.limits))
            }
        },
    ]

    /// The file's text, or an error that names the path and why it cannot be read.
    static func readText(atPath path: String, limits: ValueLimits) throws -> String {
        let expanded = NSString(string: path).expandingTildeInPath
        do {
            return try TextFile.read(expanded, maximumBytes: limits.maximumStringBytes)
        } catch let refusal as TextFile.Refusal {
            throw RuntimeError("read_file(): cannot read \(Value.quote(path)): \(refusal.reason)")
        }
    }
}
