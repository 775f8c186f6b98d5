/// File edits: rename/move, copy, delete, create folder, chmod.
enum FileEditRoutes {
    static func rename(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("file.update")
        // app/Http/Requests/Api/Client/Servers/Files/RenameFileRequest.php, in its order (`to` before `from`).
        try Validator.validate(input.body, [
            FieldRules("root", [.required, .nullable, .string]),
            FieldRules("files", [.required, .array]),
            FieldRules("files.*", [.array]),
            FieldRules("files.*.to", [.required, .string]),
            FieldRules("files.*.from", [.required, .string]),
        ])
        let root = VirtualFileSystem.normalize(input.string("root") ?? "/")
        let moves = (input.body["files"]?.arrayValue ?? []).map {
            (VirtualFileSystem.normalize($0["from"]?.stringValue ?? "", root: root), VirtualFileSystem.normalize($0["to"]?.stringValue ?? "", root: root))
        }
        try FileRoutes.onFiles(input, &state) { files throws(VirtualFileSystem.Failure) in
            for (from, to) in moves { try files.rename(from: from, to: to, now: input.nowSeconds) }
        }
        state.log("server:file.rename", input: input, serverId: input.serverId, properties: [("directory", .string(root))])
        return .noContent
    }

    static func copy(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("file.create")
        try Validator.validate(input.body, [FieldRules("location", [.required, .string])])
        let path = VirtualFileSystem.normalize(input.string("location")!)
        try FileRoutes.onFiles(input, &state) { files throws(VirtualFileSystem.Failure) in try files.copy(path, now: input.nowSeconds) }
        state.log("server:file.copy", input: input, serverId: input.serverId, properties: [("file", .string(path))])
        return .noContent
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("file.delete")
        try Validator.validate(input.body, [
            FieldRules("root", [.required, .nullable, .string]),
            FieldRules("files", [.required, .array]),
            FieldRules("files.*", [.string]),
        ])
        let root = VirtualFileSystem.normalize(input.string("root") ?? "/")
        let paths = (input.body["files"]?.arrayValue ?? []).compactMap(\.stringValue).map { VirtualFileSystem.normalize($0, root: root) }
        try FileRoutes.onFiles(input, &state) { files throws(VirtualFileSystem.Failure) in
            for path in paths where files.entry(path) != nil { try files.delete(path) }
        }
        state.log("server:file.delete", input: input, serverId: input.serverId, properties: [
            ("directory", .string(root)), ("files", .array(paths.map { .string(VirtualFileSystem.name(of: $0)) })),
        ])
        return .noContent
    }

    static func createFolder(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("file.create")
        try Validator.validate(input.body, [
            FieldRules("root", [.nullable, .string]),
            FieldRules("name", [.required, .string]),
        ])
        let path = VirtualFileSystem.normalize(input.string("name")!, root: VirtualFileSystem.normalize(input.string("root") ?? "/"))
        try FileRoutes.onFiles(input, &state) { files throws(VirtualFileSystem.Failure) in try files.createDirectory(path, now: input.nowSeconds) }
        state.log("server:file.create-directory", input: input, serverId: input.serverId, properties: [("name", .string(path))])
        return .noContent
    }

    static func chmod(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("file.update")
        try Validator.validate(input.body, [
            FieldRules("root", [.required, .nullable, .string]),
            FieldRules("files", [.required, .array]),
            FieldRules("files.*.file", [.required, .string]),
            FieldRules("files.*.mode", [.required, .numeric]),
        ])
        let root = VirtualFileSystem.normalize(input.string("root") ?? "/")
        let changes = (input.body["files"]?.arrayValue ?? []).map { item in
            (VirtualFileSystem.normalize(item["file"]?.stringValue ?? "", root: root),
             Int(RuleEvaluator.scalarText(item["mode"] ?? .null) ?? "", radix: 8) ?? 0o644)
        }
        try FileRoutes.onFiles(input, &state) { files throws(VirtualFileSystem.Failure) in
            for (path, mode) in changes { try files.chmod(path, mode: mode & 0o777) }
        }
        return .noContent
    }
}
