import Foundation

/// Archives and remote pulls: compress/decompress in the sim's own archive format, and
/// `pull` that stores a placeholder instead of touching the network.
enum FileArchiveRoutes {
    static func compress(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("file.archive")
        try Validator.validate(input.body, [
            FieldRules("root", [.nullable, .string]),
            FieldRules("files", [.required, .array]),
            FieldRules("files.*", [.string]),
        ])
        let root = VirtualFileSystem.normalize(input.string("root") ?? "/")
        let names = (input.body["files"]?.arrayValue ?? []).compactMap(\.stringValue)
        let stamp = Timestamp.iso(input.nowSeconds).replacingOccurrences(of: ":", with: "")
        let archivePath = VirtualFileSystem.normalize("archive-\(stamp).tar.gz", root: root)
        let entry = try FileRoutes.onFiles(input, &state) { files throws(VirtualFileSystem.Failure) -> VirtualFileSystem.Entry in
            var collected: [(String, VirtualFileSystem.Entry)] = []
            for name in names {
                let path = VirtualFileSystem.normalize(name, root: root)
                guard files.entry(path) != nil else { throw VirtualFileSystem.notFound }
                for (child, item) in files.subtree(path) {
                    let relative = root == "/" ? String(child.dropFirst()) : String(child.dropFirst(root.count + 1))
                    collected.append((relative, item))
                }
            }
            try files.write(archivePath, content: FileArchive.encode(collected), now: input.nowSeconds)
            return files.entry(archivePath)!
        }
        state.log("server:file.compress", input: input, serverId: input.serverId, properties: [("directory", .string(root))])
        return .json(input.clientTransformer.fileObject(name: VirtualFileSystem.name(of: archivePath), entry: entry))
    }

    static func decompress(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("file.create")
        try Validator.validate(input.body, [
            FieldRules("root", [.nullable, .string]),
            FieldRules("file", [.required, .string]),
        ])
        let root = VirtualFileSystem.normalize(input.string("root") ?? "/")
        let path = VirtualFileSystem.normalize(input.string("file")!, root: root)
        try FileRoutes.onFiles(input, &state) { files throws(VirtualFileSystem.Failure) in
            let bytes = try files.read(path)
            guard let items = FileArchive.decode(bytes) else {
                throw VirtualFileSystem.Failure(kind: .invalid, message: "The archive format is not supported or the file is not an archive.")
            }
            for item in items {
                let target = VirtualFileSystem.normalize(item.path, root: root)
                if item.isDirectory { try files.createDirectory(target, now: input.nowSeconds) }
                else { try files.write(target, content: item.content, now: input.nowSeconds); try files.chmod(target, mode: item.mode) }
            }
        }
        state.log("server:file.decompress", input: input, serverId: input.serverId, properties: [("file", .string(path))])
        return .noContent
    }

    static let pullLimit = 10
    static let pullWindowSeconds = 300.0

    static func pull(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("file.create")
        if state.rateLimits.enabled {
            let decision = state.limiter.hit("pull:\(input.user.id)", limit: pullLimit, windowSeconds: pullWindowSeconds, now: input.now)
            if !decision.allowed {
                throw PanelError(status: 429, code: "ThrottleRequestsException", detail: "Too Many Attempts.", headers: decision.headers)
            }
        }
        return try fetch(input, &state)
    }

    /// A pull past its throttle and permission: the rules, then the download into the server.
    static func fetch(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try Validator.validate(input.body, [
            FieldRules("url", [.required, .string, .url]),
            FieldRules("directory", [.nullable, .string]),
            FieldRules("filename", [.nullable, .string]),
            FieldRules("use_header", [.boolean]),
            FieldRules("foreground", [.boolean]),
        ])
        let url = input.string("url")!
        let directory = VirtualFileSystem.normalize(input.string("directory") ?? "/")
        let fallback = url.split(separator: "?").first.flatMap { $0.split(separator: "/").last }.map(String.init) ?? "download"
        let path = VirtualFileSystem.normalize(input.string("filename") ?? fallback, root: directory)
        try FileRoutes.onFiles(input, &state) { files throws(VirtualFileSystem.Failure) in
            try files.write(path, content: Array("Simulated download of \(url)\n".utf8), now: input.nowSeconds)
        }
        state.log("server:file.pull", input: input, serverId: input.serverId, properties: [("url", .string(url)), ("directory", .string(directory))])
        return .noContent
    }
}
