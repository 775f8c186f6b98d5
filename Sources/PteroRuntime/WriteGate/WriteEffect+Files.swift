import Foundation
import PteroKit
import PteroLang

/// A server's file writes, seen in the folder they change (`files/list`)
/// or, for `write`, in the file itself (`files/contents`).
extension WriteEffect {
    static func fileCheck(_ write: WrittenRequest, own: String, operation: String) -> WriteEffect? {
        let body = write.body
        let root = EffectCompare.text(body?.value(forName: "root")) ?? "/"
        switch (operation, write.request.method) {
        case ("write", .post):
            guard let file = write.query("file"), FilePath.components(file) != nil, case .text(let content)? = write.request.body else {
                return nil
            }
            let bytes = Data(content.utf8)
            return WriteEffect(probe: get(own + "/files/contents", [("file", file)], acceptsText: true)) { response in
                switch response.status {
                case 200: response.body == bytes ? .done(answer: nil) : .notDone
                case 404: .notDone
                default: .unknown
                }
            }
        case ("rename", .put):
            guard case .list(let moves)? = body?.value(forName: "files") else { return nil }
            var pairs: [(from: String, to: String)] = []
            for move in moves.items {
                guard case .map(let pair) = move, let from = EffectCompare.text(pair.value(forName: "from")),
                      let to = EffectCompare.text(pair.value(forName: "to")) else { return nil }
                pairs.append((from, to))
            }
            // Both ends of every move must be in one folder, which one listing shows.
            guard let folder = FilePath.folder(of: pairs.flatMap { [$0.from, $0.to] }, root: root) else { return nil }
            let moved = pairs.map { (from: FilePath.name($0.from), to: FilePath.name($0.to)) }
            return listing(own: own, folder: folder) { names in
                var tally = FieldTally()
                for move in moved {
                    switch (names[move.from] != nil, names[move.to] != nil) {
                    case (false, true): tally.add(.same)
                    case (true, false): tally.add(.differs)
                    default: tally.add(.unseen)
                    }
                }
                return tally.match
            }
        case ("delete", .post):
            guard case .list(let files)? = body?.value(forName: "files") else { return nil }
            let paths = files.items.compactMap { EffectCompare.text($0) }
            guard paths.count == files.items.count, let folder = FilePath.folder(of: paths, root: root) else { return nil }
            let gone = paths.map(FilePath.name)
            return listing(own: own, folder: folder) { names in
                var tally = FieldTally()
                for name in gone { tally.add(names[name] == nil ? .same : .differs) }
                return tally.match
            }
        case ("create-folder", .post):
            guard let name = EffectCompare.text(body?.value(forName: "name")),
                  let folder = FilePath.folder(of: [name], root: root) else { return nil }
            let created = FilePath.name(name)
            return listing(own: own, folder: folder) { names in
                guard let entry = names[created] else { return .differs }
                // A file of that name is no folder this write made.
                if case .bool(let isFile)? = entry.value(forName: "is_file"), !isFile { return .same }
                return .unseen
            }
        case ("chmod", .post):
            guard case .list(let changes)? = body?.value(forName: "files") else { return nil }
            var modes: [(file: String, mode: String)] = []
            for change in changes.items {
                guard case .map(let pair) = change, let file = EffectCompare.text(pair.value(forName: "file")),
                      let mode = FilePath.octal(pair.value(forName: "mode")) else { return nil }
                modes.append((file, mode))
            }
            guard let folder = FilePath.folder(of: modes.map(\.file), root: root) else { return nil }
            let wanted = modes.map { (name: FilePath.name($0.file), mode: $0.mode) }
            return listing(own: own, folder: folder) { names in
                var tally = FieldTally()
                for change in wanted {
                    guard let entry = names[change.name], let shown = FilePath.octal(entry.value(forName: "mode_bits")) else {
                        tally.add(.unseen)
                        continue
                    }
                    tally.add(shown == change.mode ? .same : .differs)
                }
                return tally.match
            }
        default:
            // copy and compress name a new file themselves, decompress and pull write files no one read can list.
            return nil
        }
    }

    /// One folder's listing, its entries by name, judged by `judge`; a 204 answer.
    static func listing(own: String, folder: String, judge: @escaping @Sendable ([String: MapObject]) -> FieldMatch) -> WriteEffect {
        WriteEffect(probe: get(own + "/files/list", [("directory", folder)])) { response in
            guard let list = ProbeAnswer.list(response), list.complete else { return .unknown }
            var names: [String: MapObject] = [:]
            for item in list.items {
                if let name = EffectCompare.text(item.attributes.value(forName: "name")) { names[name] = item.attributes }
            }
            var tally = FieldTally()
            tally.add(judge(names))
            return tally.verdict(answer: nil)
        }
    }
}

/// Paths as the file writes send them: relative to `root`, `/` between parts.
enum FilePath {
    /// The parts of a path; nil for one that climbs (`..`) or names nothing.
    static func components(_ path: String) -> [String]? {
        let parts = path.split(separator: "/").map(String.init).filter { $0 != "." }
        guard !parts.isEmpty, !parts.contains("..") else { return nil }
        return parts
    }

    /// The last part: `eula.txt` of `config/eula.txt`.
    static func name(_ path: String) -> String { components(path)?.last ?? path }

    /// The one folder all `paths` (under `root`) are in, as `/a/b`; nil when they are in several.
    static func folder(of paths: [String], root: String) -> String? {
        let base = root.split(separator: "/").map(String.init).filter { $0 != "." }
        guard !base.contains(".."), !paths.isEmpty else { return nil }
        var folder: [String]?
        for path in paths {
            guard let parts = components(path) else { return nil }
            let parent = base + parts.dropLast()
            if let folder, folder != parent { return nil }
            folder = parent
        }
        return "/" + (folder ?? []).joined(separator: "/")
    }

    /// A file mode as octal digits without leading zeros: 644, "644" and "0644" alike.
    static func octal(_ value: Value?) -> String? {
        let text: String
        switch value {
        case .int(let number)?: text = String(number)
        case .string(let digits)?: text = digits
        default: return nil
        }
        guard !text.isEmpty, text.count <= 5, text.allSatisfy({ ("0"..."7").contains($0) }) else { return nil }
        let trimmed = text.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}
