/// Backups of a server on the client API; a backup is named by its uuid.
extension PanelClient {
    /// The backups, lazily (at most 50 a page); `meta.backupCount` counts the
    /// ones that did not fail.
    public func backups(server: String, perPage: Int? = nil) -> Pages<Backup> {
        pages("server.backups.list", server, query: [], perPage: perPage)
    }

    public func createBackup(server: String, _ backup: NewBackup = NewBackup()) async throws -> Backup {
        try await item("server.backups.create", server, body: backup)
    }

    public func backup(server: String, uuid: String) async throws -> Backup {
        try await item("server.backups.view", server, uuid)
    }

    public func backupDownloadURL(server: String, uuid: String) async throws -> SignedURL {
        try await item("server.backups.download", server, uuid)
    }

    /// Locks an unlocked backup, unlocks a locked one.
    public func toggleBackupLock(server: String, uuid: String) async throws -> Backup {
        try await item("server.backups.toggle_lock", server, uuid)
    }

    /// Restores the backup; `truncate` deletes the server's files first.
    public func restoreBackup(server: String, uuid: String, truncate: Bool) async throws {
        try await perform("server.backups.restore", server, uuid, body: ["truncate": truncate])
    }

    public func deleteBackup(server: String, uuid: String) async throws {
        try await perform("server.backups.delete", server, uuid)
    }
}
