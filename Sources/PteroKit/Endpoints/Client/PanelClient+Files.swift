import Foundation

/// Files of a server (relative to its root, `/`), proxied to the daemon.
extension PanelClient {
    public func listFiles(server: String, directory: String = "/") async throws -> [FileObject] {
        try await list("server.files.list", server, query: [URLQueryItem(name: "directory", value: directory)])
    }

    /// The text of a file (400 above 4 MiB).
    public func fileContents(server: String, path: String) async throws -> String {
        let contents = try request("server.files.contents", [server], query: [URLQueryItem(name: "file", value: path)])
        return String(decoding: try await send(contents).body, as: UTF8.self)
    }

    public func fileDownloadURL(server: String, path: String) async throws -> SignedURL {
        try await item("server.files.download", server, query: [URLQueryItem(name: "file", value: path)])
    }

    /// Renames or moves files within `root`.
    public func renameFiles(server: String, root: String = "/", files: [FileRename]) async throws {
        struct Body: Encodable, Sendable { var root: String; var files: [FileRename] }
        try await perform("server.files.rename", server, body: Body(root: root, files: files))
    }

    /// Duplicates a file; the daemon names the copy.
    public func copyFile(server: String, location: String) async throws {
        try await perform("server.files.copy", server, body: ["location": location])
    }

    /// Creates or overwrites a file with `contents`, sent as raw text.
    public func writeFile(server: String, path: String, contents: String) async throws {
        try await send(request("server.files.write", [server], query: [URLQueryItem(name: "file", value: path)],
                                    body: .text(contents)))
    }

    /// Archives `files` of `root`; the answer describes the new archive.
    public func compressFiles(server: String, root: String = "/", files: [String]) async throws -> FileObject {
        struct Body: Encodable, Sendable { var root: String; var files: [String] }
        return try await item("server.files.compress", server, body: Body(root: root, files: files))
    }

    public func decompressFile(server: String, root: String = "/", file: String) async throws {
        try await perform("server.files.decompress", server, body: ["root": root, "file": file])
    }

    public func deleteFiles(server: String, root: String = "/", files: [String]) async throws {
        struct Body: Encodable, Sendable { var root: String; var files: [String] }
        try await perform("server.files.delete", server, body: Body(root: root, files: files))
    }

    public func createFolder(server: String, root: String = "/", name: String) async throws {
        try await perform("server.files.create_folder", server, body: ["root": root, "name": name])
    }

    public func chmodFiles(server: String, root: String = "/", files: [FileModeChange]) async throws {
        struct Body: Encodable, Sendable { var root: String; var files: [FileModeChange] }
        try await perform("server.files.chmod", server, body: Body(root: root, files: files))
    }

    /// Has the daemon download `pull.url` into the server.
    public func pullFile(server: String, _ pull: FilePull) async throws {
        try await perform("server.files.pull", server, body: pull)
    }

    /// A URL to POST multipart `files` to.
    public func fileUploadURL(server: String) async throws -> SignedURL {
        try await item("server.files.upload_url", server)
    }
}
