import Foundation

/// Client backups: snapshots of the in-memory files that complete after a delay,
/// with the panel's limit, per-server throttle, locking and restore.
enum BackupRoutes {
    static var routes: [Route] {
        [
            ClientRoutes.onServer("GET", "/backups", list),
            ClientRoutes.onServer("POST", "/backups", create),
            ClientRoutes.onServer("GET", "/backups/{backup}", view),
            ClientRoutes.onServer("GET", "/backups/{backup}/download", download),
            ClientRoutes.onServer("POST", "/backups/{backup}/lock", lock),
            ClientRoutes.onServer("POST", "/backups/{backup}/restore", restore),
            ClientRoutes.onServer("DELETE", "/backups/{backup}", delete),
        ]
    }

    static let throttleLimit = 2
    static let throttleSeconds = 600

    /// Looked up before the permission check: app/Http/Middleware/Api/Client/Server/ResourceBelongsToServer.php
    /// runs before the request's authorize(), so another server's backup is a 404 even without the permission.
    static func find(_ input: RouteInput, _ state: PanelState) throws -> Backup {
        let uuid = input.parameter("backup")
        guard let backup = state.backups.values.first(where: { $0.uuid == uuid && $0.serverId == input.serverId && !$0.deleted }) else {
            throw PanelError.notFound
        }
        return backup
    }

    static func live(_ state: PanelState, serverId: Int) -> [Backup] {
        state.sortedValues(state.backups).filter { $0.serverId == serverId && !$0.deleted }
    }

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("backup.read")
        let backups = live(state, serverId: input.serverId)
        let count = backups.filter { $0.isSuccessful || $0.completedAt == nil }.count
        let transformer = input.clientTransformer
        return input.paginated(backups, defaultPerPage: 20, cap: 50, extraMeta: [("backup_count", .int(count))]) { transformer.backup($0) }
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("backup.create")
        // app/Http/Requests/Api/Client/Servers/Backups/StoreBackupRequest.php, in its order.
        try Validator.validate(input.body, [
            FieldRules("name", [.nullable, .string, .max(191)]),
            FieldRules("is_locked", [.nullable, .boolean]),
            FieldRules("ignored", [.nullable, .string]),
        ])
        let server = state.servers[input.serverId]!
        let recent = state.backups.values.filter { $0.serverId == server.id && $0.createdAt >= input.nowSeconds - throttleSeconds }
        if recent.count >= throttleLimit {
            let oldest = recent.map(\.createdAt).min() ?? input.nowSeconds
            let retry = max(1, oldest + throttleSeconds - input.nowSeconds)
            throw PanelError(
                status: 429, code: "TooManyRequestsHttpException",
                detail: "Only \(throttleLimit) backups may be generated within a \(throttleSeconds) second span of time.",
                headers: [("Retry-After", String(retry))])
        }
        let successful = live(state, serverId: server.id).filter(\.isSuccessful).count
        if (server.backupLimit ?? 0) == 0 || successful >= server.backupLimit! {
            throw PanelError.display("Cannot create a new backup, this server has reached its limit of \(server.backupLimit ?? 0) backups.", code: "TooManyBackupsException")
        }
        let id = state.nextId("backups")
        let ignored = (input.string("ignored") ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let backup = Backup(
            id: id, uuid: state.random.uuid(), serverId: server.id,
            name: input.string("name") ?? "Backup at \(Timestamp.plain(input.nowSeconds))", ignoredFiles: ignored,
            isSuccessful: false, isLocked: input.access.can("backup.delete") && input.bool("is_locked") == true, checksum: nil,
            bytes: 0, createdAt: input.nowSeconds, completesAt: input.now + state.timing.backupSeconds, completedAt: nil,
            snapshot: state.fileSystem(server.id))
        state.backups[id] = backup
        state.pendingBackups.insert(id)
        state.log("server:backup.start", input: input, serverId: server.id, properties: [("name", .string(backup.name))])
        return .json(input.clientTransformer.backup(backup))
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let backup = try find(input, state)
        try input.access.require("backup.read")
        return .json(input.clientTransformer.backup(backup))
    }

    static func download(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let backup = try find(input, state)
        try input.access.require("backup.download")
        let url = state.signedURL(input, path: "/download/backup", purpose: .downloadBackup(backupId: backup.id))
        state.log("server:backup.download", input: input, serverId: input.serverId, properties: [("name", .string(backup.name))])
        return .json(Envelope.item("signed_url", [("url", .string(url))]))
    }

    static func lock(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var backup = try find(input, state)
        try input.access.require("backup.delete")
        backup.isLocked.toggle()
        state.backups[backup.id] = backup
        state.log(backup.isLocked ? "server:backup.lock" : "server:backup.unlock", input: input, serverId: input.serverId)
        return .json(input.clientTransformer.backup(backup))
    }

    static func restore(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let backup = try find(input, state)
        try input.access.require("backup.restore")
        try Validator.validate(input.body, [FieldRules("truncate", [.required, .boolean])])
        guard state.servers[input.serverId]?.status == nil else {
            throw PanelError.badRequest("This server is not currently in a state that allows for a backup to be restored.")
        }
        guard backup.isSuccessful, let snapshot = backup.snapshot else {
            throw PanelError.badRequest("This backup cannot be restored at this time: not completed or failed.")
        }
        if input.bool("truncate") == true {
            state.files[input.serverId] = snapshot
        } else {
            var files = state.fileSystem(input.serverId)
            for (path, entry) in snapshot.subtree("/") where !entry.isDirectory {
                try? files.write(path, content: entry.content, now: input.nowSeconds)
            }
            state.files[input.serverId] = files
        }
        state.setTimedStatus(input.serverId, status: "restoring_backup", seconds: state.timing.restoreSeconds, now: input.now)
        state.log("server:backup.restore", input: input, serverId: input.serverId, properties: [("name", .string(backup.name))])
        return .noContent
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let backup = try find(input, state)
        try input.access.require("backup.delete")
        if backup.isLocked && backup.completedAt != nil {
            throw PanelError.display("Cannot delete a backup that is marked as locked.", code: "BackupLockedException")
        }
        state.backups[backup.id]?.deleted = true
        state.backups[backup.id]?.snapshot = nil
        state.log("server:backup.delete", input: input, serverId: input.serverId, properties: [("name", .string(backup.name))])
        return .noContent
    }
}
