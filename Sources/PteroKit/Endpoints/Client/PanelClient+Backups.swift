/// Backups of a server on the client API; a backup is named by its uuid.
extension PanelClient {
    func backupsPath(_ server: String) -> String { "\(Self.serverPath(server))/backups" }

    /// The backups, lazily (at most 50 a page); `meta.backupCount` counts the
    /// ones that did not fail.
    public func backups(server: String, perPage: Int? = nil) -> Pages<Backup> {
        pages(backupsPath(server), query: [], perPage: perPage)
    }

    public func createBackup(server: String, _ backup: NewBackup = NewBackup()) async throws -> Backup {
        try await item(.post, backupsPath(server), body: backup)
    }

    public func backup(server: String, uuid: String) async throws -> Backup {
        try await item(.get, "\(backupsPath(server))/\(segment(uuid))")
    }

    public func backupDownloadURL(server: String, uuid: String) async throws -> SignedURL {
        try await item(.get, "\(backupsPath(server))/\(segment(uuid))/download")
    }

    /// Locks an unlocked backup, unlocks a locked one.
    public func toggleBackupLock(server: String, uuid: String) async throws -> Backup {
        try await item(.post, "\(backupsPath(server))/\(segment(uuid))/lock")
    }

    /// Restores the backup; `truncate` deletes the server's files first.
    public func restoreBackup(server: String, uuid: String, truncate: Bool) async throws {
        try await perform(.post, "\(backupsPath(server))/\(segment(uuid))/restore", body: ["truncate": truncate])
    }

    public func deleteBackup(server: String, uuid: String) async throws {
        try await perform(.delete, "\(backupsPath(server))/\(segment(uuid))")
    }
}
