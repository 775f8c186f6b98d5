/// Client file manager over each server's in-memory file system; the daemon's answers
/// and errors, never the host's disk.
enum FileRoutes {
    static var routes: [Route] {
        [
            ClientRoutes.onServer("GET", "/files/list", list),
            ClientRoutes.onServer("GET", "/files/contents", contents),
            ClientRoutes.onServer("GET", "/files/download", download),
            ClientRoutes.onServer("PUT", "/files/rename", FileEditRoutes.rename),
            ClientRoutes.onServer("POST", "/files/copy", FileEditRoutes.copy),
            ClientRoutes.onServer("POST", "/files/write", write),
            ClientRoutes.onServer("POST", "/files/compress", FileArchiveRoutes.compress),
            ClientRoutes.onServer("POST", "/files/decompress", FileArchiveRoutes.decompress),
            ClientRoutes.onServer("POST", "/files/delete", FileEditRoutes.delete),
            ClientRoutes.onServer("POST", "/files/create-folder", FileEditRoutes.createFolder),
            ClientRoutes.onServer("POST", "/files/chmod", FileEditRoutes.chmod),
            ClientRoutes.onServer("POST", "/files/pull", FileArchiveRoutes.pull),
            ClientRoutes.onServer("GET", "/files/upload", upload),
        ]
    }

    /// A daemon failure relayed the way the panel wraps it.
    static func daemonError(_ failure: VirtualFileSystem.Failure, state: inout PanelState) -> PanelError {
        let status = switch failure.kind {
        case .notFound: 404
        case .exists: 409
        default: 400
        }
        let message = failure.message.hasSuffix(".") ? String(failure.message.dropLast()) : failure.message
        return PanelError(
            status: status, code: "DaemonConnectionException",
            detail: "An error occurred on the remote host: \(message). (request id: \(state.random.uuid()))")
    }

    /// Runs a file-system operation, translating its failures to the panel's answer.
    static func onFiles<T>(_ input: RouteInput, _ state: inout PanelState, _ body: (inout VirtualFileSystem) throws(VirtualFileSystem.Failure) -> T) throws -> T {
        var files = state.fileSystem(input.serverId)
        do {
            let result = try body(&files)
            state.files[input.serverId] = files
            return result
        } catch {
            throw daemonError(error, state: &state)
        }
    }

    static func queryValue(_ input: RouteInput, _ name: String) throws -> String {
        let value = BodyNormalizer.normalize(.object([(name, input.query[name].map { .string($0) } ?? .null)]))
        try Validator.validate(value, [FieldRules(name, [.required, .string])])
        return value[name]!.stringValue!
    }

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("file.read")
        let directory = VirtualFileSystem.normalize(input.query["directory"] ?? "/")
        let entries = try onFiles(input, &state) { files throws(VirtualFileSystem.Failure) in try files.list(directory) }
        let transformer = input.clientTransformer
        return .json(Envelope.list(entries.map { transformer.fileObject(name: $0.0, entry: $0.1) }))
    }

    static let maximumEditorSize = 4_194_304

    static func contents(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("file.read-content")
        let path = VirtualFileSystem.normalize(try queryValue(input, "file"))
        let content = try onFiles(input, &state) { files throws(VirtualFileSystem.Failure) in try files.read(path) }
        if content.count > maximumEditorSize {
            throw PanelError.display("The file you are attempting to open is too large to view in the file editor.", code: "FileSizeTooLargeException")
        }
        state.log("server:file.read", input: input, serverId: input.serverId, properties: [("file", .string(path))])
        return .text(content)
    }

    static func download(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("file.read-content")
        let path = VirtualFileSystem.normalize(try queryValue(input, "file"))
        _ = try onFiles(input, &state) { files throws(VirtualFileSystem.Failure) in try files.read(path) }
        let url = state.signedURL(input, path: "/download/file", purpose: .downloadFile(path: path))
        state.log("server:file.download", input: input, serverId: input.serverId, properties: [("file", .string(path))])
        return .json(Envelope.item("signed_url", [("url", .string(url))]))
    }

    static func write(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("file.create")
        let path = VirtualFileSystem.normalize(try queryValue(input, "file"))
        try onFiles(input, &state) { files throws(VirtualFileSystem.Failure) in try files.write(path, content: input.rawBody, now: input.nowSeconds) }
        state.log("server:file.write", input: input, serverId: input.serverId, properties: [("file", .string(path))])
        return .noContent
    }

    static func upload(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("file.create")
        let url = state.signedURL(input, path: "/upload/file", purpose: .upload)
        return .json(Envelope.item("signed_url", [("url", .string(url))]))
    }
}
