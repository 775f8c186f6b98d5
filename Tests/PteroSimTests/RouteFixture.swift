import Foundation

/// A route list read from a panel's own route files, kept in `Tests/Fixtures/NAME`
/// as `side  METHOD  path` lines: `METHOD path` each, for comparing with the sim's routes.
enum RouteFixture {
    static func routes(_ name: String) -> [String] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let columns = line.split(separator: "\t")
            return columns.count >= 3 ? "\(columns[1]) \(columns[2])" : nil
        }
    }
}
