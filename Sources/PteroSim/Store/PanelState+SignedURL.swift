/// Signed URLs point back at the sim itself (there is no node), so downloads and uploads
/// really work; their tokens are the panel's (`NodeToken`), fifteen minutes long, with the
/// claims each controller sets: Client/Servers/FileController.php `download` (`file_path`
/// as `rawurldecode` of the query's `file`, and `server_uuid`), FileUploadController.php
/// (`server_uuid`), Services/Backups/DownloadLinkService.php (`backup_uuid`, `server_uuid`).
extension PanelState {
    mutating func signedURL(_ input: RouteInput, path: String, purpose: SignedToken.Purpose) -> String {
        guard let server = servers[input.serverId] else { return "\(input.baseURL)\(path)" }
        let scope: NodeToken.Scope
        var claims: [(String, JSONValue)] = []
        switch purpose {
        case .downloadFile:
            scope = .fileDownload
            claims.append(("file_path", .string(PHPQueryString.decode(input.query["file"] ?? "", plusIsSpace: false))))
        case .upload:
            scope = .fileUpload
        case .downloadBackup(let backupId):
            scope = .backupDownload
            claims.append(("backup_uuid", .string(backups[backupId]?.uuid ?? "")))
        }
        claims.append(("server_uuid", .string(server.uuid)))
        let token = NodeToken(scope: scope, lifetimeSeconds: 900, claims: claims)
            .signed(for: input.user, server: server, in: &self, baseURL: input.baseURL, now: input.nowSeconds)
        signedTokens[token] = SignedToken(serverId: input.serverId, purpose: purpose, expiresAt: input.now + 900)
        return "\(input.baseURL)\(path)?token=\(token)"
    }
}
