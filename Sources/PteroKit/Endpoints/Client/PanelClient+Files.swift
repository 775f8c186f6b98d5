import Foundation

/// Files of a server (relative to its root, `/`), proxied to the daemon.
extension PanelClient {
    func filesPath(_ server: String) -> String { "\(Self.serverPath(server))/files" }

    public func listFiles(server: String, directory: String = "/") async throws -> [FileObject] {
        try await list("\(filesPath(server))/list", query: [URLQueryItem(name: "directory", value: directory)])
    }

    /// The text of a file (400 above 4 MiB).
    public func fileContents(server: String, path: String) async throws -> String {
        let request = PanelRequest(.get, "\(filesPath(server))/contents", query: [URLQueryItem(name: "file", value: path)], acceptsText: true)
        return String(decoding: try await send(request).body, as: UTF8.self)
    }

    public func fileDownloadURL(server: String, path: String) async throws -> SignedURL {
        try await item(.get, "\(filesPath(server))/download", query: [URLQueryItem(name: "file", value: path)])
    }

    /// Renames or moves files within `root`.
    public func renameFiles(server: String, root: String = "/", files: [FileRename]) async throws {
        struct Body: Encodable, Sendable { var root: String; var files: [FileRename] }
        try await perform(.put, "\(filesPath(server))/rename", body: Body(root: root, files: files))
    }

    /// Duplicates a file; the daemon names the copy.
    public func copyFile(server: String, location: String) async throws {
        try await perform(.post, "\(filesPath(server))/copy", body: ["location": location])
    }

    /// Creates or overwrites a file with `contents`, sent as raw text.
    public func writeFile(server: String, path: String, contents: String) async throws {
        try await send(PanelRequest(.post, "\(filesPath(server))/write", query: [URLQueryItem(name: "file", value: path)],
                                    body: .text(contents)))
    }

    /// Archives `files` of `root`; the answer describes the new archive.
    public func compressFiles(server: String, root: String = "/", files: [String]) async throws -> FileObject {
        struct Body: Encodable, Sendable { var root: String; var files: [String] }
        return try await item(.post, "\(filesPath(server))/compress", body: Body(root: root, files: files))
    }

    public func decompressFile(server: String, root: String = "/", file: String) async throws {
        try await perform(.post, "\(filesPath(server))/decompress", body: ["root": root, "file": file])
    }

    public func deleteFiles(server: String, root: String = "/", files: [String]) async throws {
        struct Body: Encodable, Sendable { var root: String; var files: [String] }
        try await perform(.post, "\(filesPath(server))/delete", body: Body(root: root, files: files))
    }

    public func createFolder(server: String, root: String = "/", name: String) async throws {
        try await perform(.post, "\(filesPath(server))/create-folder", body: ["root": root, "name": name])
    }

    public func chmodFiles(server: String, root: String = "/", files: [FileModeChange]) async throws {
        struct Body: Encodable, Sendable { var root: String; var files: [FileModeChange] }
        try await perform(.post, "\(filesPath(server))/chmod", body: Body(root: root, files: files))
    }

    /// Has the daemon download `pull.url` into the server.
    public func pullFile(server: String, _ pull: FilePull) async throws {
        try await perform(.post, "\(filesPath(server))/pull", body: pull)
    }

    /// A URL to POST multipart `files` to.
    public func fileUploadURL(server: String) async throws -> SignedURL {
        try await item(.get, "\(filesPath(server))/upload")
    }
}
