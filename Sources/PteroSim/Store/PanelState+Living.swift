import Foundation

/// Time-based state changes, resolved lazily at the start of each request so the sim
/// needs no timers: a server "becomes" running when someone next looks.
extension PanelState {
    mutating func advance(now: Double) {
        for serverId in pendingServers {
            guard var server = servers[serverId] else { pendingServers.remove(serverId); continue }
            server.power.advance(now: now)
            if let until = server.statusUntil, now >= until {
                server.status = server.status == "restoring_backup" || server.status == "installing" ? nil : server.status
                server.statusUntil = nil
            }
            servers[serverId] = server
            if server.power.transitionAt == nil && server.statusUntil == nil { pendingServers.remove(serverId) }
        }
        for backupId in pendingBackups {
            guard var backup = backups[backupId], let deadline = backup.completesAt else { pendingBackups.remove(backupId); continue }
            guard now >= deadline else { continue }
            backup.completesAt = nil
            backup.completedAt = Int(deadline)
            backup.isSuccessful = true
            backup.bytes = backup.snapshot?.totalBytes ?? 0
            backup.checksum = "sha1:" + String(repeating: "0", count: 8) + String(UInt64(bitPattern: Int64(backup.bytes &* 2_654_435_761 &+ backup.id)), radix: 16).padding(toLength: 32, withPad: "0", startingAt: 0)
            backups[backupId] = backup
            pendingBackups.remove(backupId)
        }
        for transfer in transfers.values where now >= transfer.startedAt + timing.transferSeconds {
            releaseTransfer(transfer, keepingNew: true)
        }
    }

    /// Puts a server into a timed status (installing, restoring_backup) that clears itself.
    mutating func setTimedStatus(_ serverId: Int, status: String, seconds: Double, now: Double) {
        servers[serverId]?.status = status
        servers[serverId]?.statusUntil = now + seconds
        pendingServers.insert(serverId)
    }

    /// Applies a power signal the way the daemon would, with timed transitions.
    mutating func power(_ serverId: Int, signal: String, now: Double) {
        guard var server = servers[serverId] else { return }
        server.power.advance(now: now)
        switch signal {
        case "start":
            if server.power.phase == .offline || server.power.phase == .stopping {
                server.power.phase = .starting
                server.power.transitionAt = now + timing.startSeconds
            }
        case "stop":
            if server.power.phase != .offline {
                server.power.phase = .stopping
                server.power.transitionAt = now + timing.stopSeconds
            }
        case "restart":
            server.power.phase = .starting
            server.power.runningSince = nil
            server.power.transitionAt = now + timing.stopSeconds + timing.startSeconds
        case "kill":
            server.power.phase = .offline
            server.power.transitionAt = nil
            server.power.runningSince = nil
        default: break
        }
        servers[serverId] = server
        pendingServers.insert(serverId)
    }

    /// The server's file system, created from its egg's template on first use.
    mutating func fileSystem(_ serverId: Int) -> VirtualFileSystem {
        if let existing = files[serverId] { return existing }
        guard let server = servers[serverId] else { return VirtualFileSystem(now: 0) }
        var system = VirtualFileSystem(now: server.createdAt)
        let template = EggCatalog.eggs.indices.contains(server.eggId - 1) ? EggCatalog.eggs[server.eggId - 1] : nil
        for (path, content) in template?.files ?? [] {
            try? system.write("/" + path, content: Array(content.utf8), now: server.createdAt)
        }
        files[serverId] = system
        return system
    }

    mutating func log(_ event: String, input: RouteInput, serverId: Int? = nil, properties: [(String, JSONValue)] = []) {
        let id = nextId("activity_logs")
        activity[id] = ActivityLog(
            id: id, batch: nil, event: event, isApi: true, ip: "127.0.0.1", description: nil,
            properties: .object(properties), actorId: input.caller?.user.id, userId: input.caller?.user.id ?? 0,
            serverId: serverId, timestamp: input.nowSeconds)
    }
}
