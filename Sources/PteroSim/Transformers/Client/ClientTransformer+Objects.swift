/// Client objects other than servers: backups, schedules, databases, keys, activity.
extension ClientTransformer {
    func backup(_ backup: Backup) -> JSONValue {
        Envelope.item("backup", [
            ("uuid", .string(backup.uuid)),
            ("is_successful", .bool(backup.isSuccessful)),
            ("is_locked", .bool(backup.isLocked)),
            ("name", .string(backup.name)),
            ("ignored_files", .array(backup.ignoredFiles.map { .string($0) })),
            ("checksum", .optional(backup.checksum)),
            ("bytes", .int(backup.bytes)),
            ("created_at", .string(Timestamp.iso(backup.createdAt))),
            ("completed_at", Timestamp.iso(backup.completedAt)),
        ])
    }

    func schedule(_ schedule: Schedule, in state: PanelState) -> JSONValue {
        Envelope.item("server_schedule", [
            ("id", .int(schedule.id)),
            ("name", .string(schedule.name)),
            ("cron", .object([
                ("day_of_week", .string(schedule.dayOfWeek)), ("day_of_month", .string(schedule.dayOfMonth)),
                ("month", .string(schedule.month)), ("hour", .string(schedule.hour)), ("minute", .string(schedule.minute)),
            ])),
            ("is_active", .bool(schedule.isActive)),
            ("is_processing", .bool(schedule.isProcessing)),
            ("only_when_online", .bool(schedule.onlyWhenOnline)),
            ("last_run_at", Timestamp.iso(schedule.lastRunAt)),
            ("next_run_at", Timestamp.iso(schedule.nextRunAt)),
            ("created_at", .string(Timestamp.iso(schedule.createdAt))),
            ("updated_at", .string(Timestamp.iso(schedule.updatedAt))),
        ], relationships: [("tasks", Envelope.list(state.tasks(ofSchedule: schedule.id).map(task)))])
    }

    func task(_ task: ScheduleTask) -> JSONValue {
        Envelope.item("schedule_task", [
            ("id", .int(task.id)),
            ("sequence_id", .int(task.sequenceId)),
            ("action", .string(task.action)),
            ("payload", .string(task.payload)),
            ("time_offset", .int(task.timeOffset)),
            ("is_queued", .bool(task.isQueued)),
            ("continue_on_failure", .bool(task.continueOnFailure)),
            ("created_at", .string(Timestamp.iso(task.createdAt))),
            ("updated_at", .string(Timestamp.iso(task.updatedAt))),
        ])
    }

    func database(_ database: ServerDatabase, in state: PanelState, withPassword: Bool) -> JSONValue {
        let host = state.databaseHosts[database.hostId]
        var relationships: [(String, JSONValue)] = []
        if withPassword {
            relationships.append(("password", can("database.view_password")
                ? Envelope.item("database_password", [("password", .string(database.password))])
                : Envelope.nullResource))
        }
        return Envelope.item("server_database", [
            ("id", .string(database.hashid)),
            ("host", .object([("address", .string(host?.host ?? "")), ("port", .int(host?.port ?? 3306))])),
            ("name", .string(database.database)),
            ("username", .string(database.username)),
            ("connections_from", .string(database.remote)),
            ("max_connections", .optional(database.maxConnections)),
        ], relationships: relationships)
    }

    func apiKey(_ key: ApiKey) -> JSONValue {
        Envelope.item("api_key", [
            ("identifier", .string(key.identifier)),
            ("description", .string(key.description)),
            ("allowed_ips", .array(key.allowedIps.map { .string($0) })),
            ("last_used_at", Timestamp.iso(key.lastUsedAt)),
            ("created_at", .string(Timestamp.iso(key.createdAt))),
        ])
    }

    func sshKey(_ key: SSHKey) -> JSONValue {
        Envelope.item("ssh_key", [
            ("name", .string(key.name)),
            ("fingerprint", .string(key.fingerprint)),
            ("public_key", .string(key.publicKey)),
            ("created_at", .string(Timestamp.iso(key.createdAt))),
        ])
    }

    func account(_ user: User) -> JSONValue {
        Envelope.item("user", [
            ("id", .int(user.id)),
            ("admin", .bool(user.rootAdmin)),
            ("username", .string(user.username)),
            ("email", .string(user.email)),
            ("first_name", .string(user.firstName)),
            ("last_name", .string(user.lastName)),
            ("language", .string(user.language)),
        ])
    }

    func activity(_ log: ActivityLog, in state: PanelState) -> JSONValue {
        let isActorOrAdmin = caller.user.rootAdmin || log.actorId == caller.user.id
        var relationships: [(String, JSONValue)] = []
        if includes.has("actor") {
            relationships.append(("actor", log.actorId.flatMap { state.users[$0] }.map(user) ?? Envelope.nullResource))
        }
        return Envelope.item("activity_log", [
            ("id", .string(SHA1.hex(Array(String(log.id).utf8)))),
            ("batch", .optional(log.batch)),
            ("event", .string(log.event)),
            ("is_api", .bool(log.isApi)),
            ("ip", isActorOrAdmin ? .optional(log.ip) : .null),
            ("description", .optional(log.description)),
            ("properties", Self.activityProperties(log.properties, hideIP: !isActorOrAdmin)),
            ("has_additional_metadata", .bool(false)),
            ("timestamp", .string(Timestamp.iso(log.timestamp))),
        ], relationships: relationships)
    }

    /// Array properties get a `<key>_count` sibling (a single `count` when only one is an
    /// array), and an `ip` property is hidden from non-actors, as the panel renders them.
    static func activityProperties(_ properties: JSONValue, hideIP: Bool) -> JSONValue {
        guard var pairs = properties.objectValue else { return .object([]) }
        if hideIP, let index = pairs.firstIndex(where: { $0.0 == "ip" }) { pairs[index].1 = .string("[hidden]") }
        let arrays = pairs.filter { $0.1.arrayValue != nil }
        if arrays.count == 1 {
            pairs.append(("count", .int(arrays[0].1.arrayValue!.count)))
        } else {
            for (key, value) in arrays { pairs.append(("\(key)_count", .int(value.arrayValue!.count))) }
        }
        return .object(pairs)
    }

    func fileObject(name: String, entry: VirtualFileSystem.Entry) -> JSONValue {
        Envelope.item("file_object", [
            ("name", .string(name)),
            ("mode", .string(FileMode.symbolic(entry.mode, isDirectory: entry.isDirectory))),
            ("mode_bits", .string(String(entry.mode, radix: 8))),
            ("size", .int(entry.isDirectory ? 4096 : entry.content.count)),
            ("is_file", .bool(!entry.isDirectory)),
            ("is_symlink", .bool(false)),
            ("mimetype", .string(FileMode.mimetype(name: name, entry: entry))),
            ("created_at", .string(Timestamp.iso(entry.createdAt))),
            ("modified_at", .string(Timestamp.iso(entry.modifiedAt))),
        ])
    }
}
