import Foundation

/// The 111 `METHOD PATH` rows of the reference endpoint table, read from
/// `Tests/Fixtures/pterodactyl-endpoints.tsv` (a copy: CI has no `../shared`).
enum ReferenceEndpoints {
    static let rows: [String] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/pterodactyl-endpoints.tsv")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let columns = line.split(separator: "\t")
            return columns.count >= 3 ? "\(columns[1]) \(columns[2])" : nil
        }
    }()
}
