/// The daemon-side URLs handed out in `signed_url` answers, served by the sim itself so
/// a client can really download and upload; answers use the daemon's `{"error":…}` shape.
enum SignedRoutes {
    static func handle(_ request: IncomingRequest, path: String, state: inout PanelState) -> SimResponse? {
        guard ["/download/file", "/download/backup", "/upload/file"].contains(path) else { return nil }
        let query = QueryParameters(request.query)
        guard let token = query["token"], let grant = state.signedTokens[token], grant.expiresAt > request.now,
              state.servers[grant.serverId] != nil else {
            return daemonError(403, "The provided token is invalid or has expired.")
        }
        switch (request.method, path, grant.purpose) {
        case ("GET", "/download/file", .downloadFile(let filePath)):
            guard let content = try? state.fileSystem(grant.serverId).read(filePath) else {
                return daemonError(404, "The requested resource was not found on the system.")
            }
            return attachment(content, name: VirtualFileSystem.name(of: filePath))
        case ("GET", "/download/backup", .downloadBackup(let backupId)):
            guard let backup = state.backups[backupId], !backup.deleted, let snapshot = backup.snapshot else {
                return daemonError(404, "The requested resource was not found on the system.")
            }
            return attachment(FileArchive.encode(snapshot.subtree("/")), name: "\(backup.uuid).tar.gz")
        case ("POST", "/upload/file", .upload):
            return upload(request, query: query, serverId: grant.serverId, state: &state)
        default:
            return daemonError(405, "Method not allowed.")
        }
    }

    static func upload(_ request: IncomingRequest, query: QueryParameters, serverId: Int, state: inout PanelState) -> SimResponse {
        guard let contentType = request.contentType, let parts = Multipart.parse(request.body, contentType: contentType) else {
            return daemonError(400, "The request body could not be parsed as multipart form data.")
        }
        let directory = VirtualFileSystem.normalize(query["directory"] ?? "/")
        var files = state.fileSystem(serverId)
        let now = Int(request.now)
        for part in parts where part.name == "files" {
            guard let filename = part.filename, !filename.isEmpty else { continue }
            let target = VirtualFileSystem.normalize(VirtualFileSystem.name(of: "/" + filename), root: directory)
            do { try files.write(target, content: part.content, now: now) } catch {
                return daemonError(400, error.message)
            }
        }
        state.files[serverId] = files
        return SimResponse(status: 200, body: [], contentType: nil)
    }

    static func attachment(_ content: [UInt8], name: String) -> SimResponse {
        var response = SimResponse.text(content, contentType: "application/octet-stream")
        response.headers = [("Content-Disposition", "attachment; filename=\"\(name)\"")]
        return response
    }

    static func daemonError(_ status: Int, _ message: String) -> SimResponse {
        .json(.object([("error", .string(message))]), status: status)
    }
}
