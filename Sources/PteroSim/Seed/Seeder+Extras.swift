/// Subusers, databases, backups, schedules and activity around the seeded servers.
extension Seeder {
    mutating func seedServerExtras() {
        let userIds = state.users.keys.sorted()
        for serverId in state.servers.keys.sorted() {
            let server = state.servers[serverId]!
            let candidates = userIds.filter { $0 != server.ownerId && $0 > 2 }
            if random.chance(0.3), !candidates.isEmpty {
                let userId = random.pick(candidates)
                let id = state.nextId("subusers")
                let permissions = random.chance(0.5)
                    ? ["websocket.connect", "control.console", "control.start", "control.stop", "control.restart", "file.read", "file.read-content"]
                    : ["websocket.connect", "control.console", "file.create", "file.read", "file.read-content", "file.update", "file.delete", "backup.read", "backup.create", "database.read", "schedule.read", "user.read", "allocation.read", "startup.read", "activity.read"]
                state.subusers[id] = Subuser(id: id, userId: userId, serverId: serverId, permissions: permissions,
                                             createdAt: server.createdAt + 3600, updatedAt: server.createdAt + 3600)
            }
            if (server.databaseLimit ?? 1) > 0, random.chance(0.35) { seedDatabase(server) }
            if (server.backupLimit ?? 1) > 0, random.chance(0.3) { seedBackup(server) }
            if random.chance(0.25) { seedSchedule(server) }
            seedActivity(server)
        }
    }

    private mutating func seedDatabase(_ server: Server) {
        let id = state.nextId("databases")
        let node = state.nodes[server.nodeId]!
        let hostId = state.databaseHosts.values.first { $0.nodeId == node.id }?.id ?? 1
        state.databases[id] = ServerDatabase(
            id: id, hashid: HashId.encode(id), serverId: server.id, hostId: hostId, database: "s\(server.id)_main",
            username: "u\(server.id)_\(random.alphanumeric(10))", remote: "%", password: random.alphanumeric(24),
            maxConnections: 0, createdAt: server.createdAt + 7200, updatedAt: server.createdAt + 7200)
    }

    private mutating func seedBackup(_ server: Server) {
        let id = state.nextId("backups")
        let created = server.createdAt + 86_400
        state.backups[id] = Backup(
            id: id, uuid: random.uuid(), serverId: server.id, name: "Backup at \(Timestamp.plain(created))",
            ignoredFiles: [], isSuccessful: true, isLocked: random.chance(0.2),
            checksum: "sha1:" + random.alphanumeric(40).lowercased(), bytes: random.int(in: 10_000_000...900_000_000),
            createdAt: created, completesAt: nil, completedAt: created + 95)
    }

    private mutating func seedSchedule(_ server: Server) {
        let id = state.nextId("schedules")
        let created = server.createdAt + 43_200
        var schedule = Schedule(
            id: id, serverId: server.id, name: "Nightly restart", minute: "0", hour: "4", dayOfMonth: "*", month: "*",
            dayOfWeek: "*", isActive: true, isProcessing: false, onlyWhenOnline: false, lastRunAt: nil,
            createdAt: created, updatedAt: created)
        schedule.nextRunAt = Cron.nextRun(schedule, after: created)
        state.schedules[id] = schedule
        let steps: [(String, String, Int)] = [("command", "say Restarting in 60 seconds", 0), ("power", "restart", 60)]
        for (index, step) in steps.enumerated() {
            let taskId = state.nextId("tasks")
            state.tasks[taskId] = ScheduleTask(
                id: taskId, scheduleId: id, sequenceId: index + 1, action: step.0, payload: step.1, timeOffset: step.2,
                isQueued: false, continueOnFailure: false, createdAt: created, updatedAt: created)
        }
    }

    private mutating func seedActivity(_ server: Server) {
        let events = ["server:power.start", "server:console.command", "server:file.write", "server:startup.edit"]
        for index in 0..<random.int(in: 1...3) {
            let id = state.nextId("activity_logs")
            let event = events[(server.id + index) % events.count]
            let properties: JSONValue = event == "server:file.write" ? .object([("file", .string("/server.properties"))])
                : event == "server:console.command" ? .object([("command", .string("say hello"))]) : .object([])
            state.activity[id] = ActivityLog(
                id: id, batch: nil, event: event, isApi: index % 2 == 0, ip: "203.0.113.\(server.ownerId % 250)",
                description: nil, properties: properties, actorId: server.ownerId, userId: server.ownerId,
                serverId: server.id, timestamp: server.createdAt + 3600 * (index + 2))
        }
    }
}
