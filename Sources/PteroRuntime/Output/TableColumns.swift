/// The columns a table of each kind of panel object shows, keyed by
/// `type(x)`: what an admin scans a list of servers or nodes for, not every
/// attribute. Columns that no object in the table has are left out, so one
/// list serves both the application and the client API.
enum TableColumns {
    static func forType(_ typeName: String) -> [FieldColumn]? {
        known[typeName]
    }

    static let known: [String: [FieldColumn]] = [
        "Server": [
            FieldColumn("id", "id", "identifier"), FieldColumn("name"), FieldColumn("node"), FieldColumn("egg"),
            FieldColumn("memory", "limits.memory", format: .mebibytes), FieldColumn("disk", "limits.disk", format: .mebibytes),
            FieldColumn("cpu", "limits.cpu", format: .percent), FieldColumn("suspended", "suspended", "is_suspended"),
            FieldColumn("status"),
        ],
        "Node": [
            FieldColumn("id"), FieldColumn("name"), FieldColumn("fqdn"), FieldColumn("location_id"),
            FieldColumn("memory", format: .mebibytes), FieldColumn("disk", format: .mebibytes), FieldColumn("maintenance_mode"),
        ],
        "User": [
            FieldColumn("id"), FieldColumn("username"), FieldColumn("email"), FieldColumn("root_admin", "root_admin", "admin"),
        ],
        "Location": [FieldColumn("id"), FieldColumn("short"), FieldColumn("long")],
        "Nest": [FieldColumn("id"), FieldColumn("name"), FieldColumn("author")],
        "Egg": [FieldColumn("id"), FieldColumn("nest"), FieldColumn("name"), FieldColumn("author")],
        "Allocation": [
            FieldColumn("id"), FieldColumn("ip"), FieldColumn("port"), FieldColumn("alias", "alias", "ip_alias"),
            FieldColumn("assigned"), FieldColumn("is_default"), FieldColumn("notes"),
        ],
        "Database": [
            FieldColumn("id"), FieldColumn("name", "name", "database"), FieldColumn("username"),
            FieldColumn("remote", "remote", "connections_from"), FieldColumn("max_connections"),
        ],
        "DatabaseHost": [FieldColumn("id"), FieldColumn("name"), FieldColumn("host"), FieldColumn("port"), FieldColumn("username")],
        "Backup": [
            FieldColumn("uuid"), FieldColumn("name"), FieldColumn("bytes", format: .bytes), FieldColumn("is_successful"),
            FieldColumn("is_locked"), FieldColumn("created_at"),
        ],
        "Schedule": [
            FieldColumn("id"), FieldColumn("name"), FieldColumn("is_active"), FieldColumn("last_run_at"), FieldColumn("next_run_at"),
        ],
        "Task": [
            FieldColumn("id"), FieldColumn("sequence_id"), FieldColumn("action"), FieldColumn("time_offset"), FieldColumn("payload"),
        ],
        "Subuser": [FieldColumn("uuid"), FieldColumn("username"), FieldColumn("email"), FieldColumn("2fa_enabled")],
        "File": [
            FieldColumn("name"), FieldColumn("size", format: .bytes), FieldColumn("is_file"), FieldColumn("mode"),
            FieldColumn("modified_at"),
        ],
        "ApiKey": [
            FieldColumn("identifier"), FieldColumn("description"), FieldColumn("last_used_at"), FieldColumn("created_at"),
        ],
        "SshKey": [FieldColumn("name"), FieldColumn("fingerprint"), FieldColumn("created_at")],
        "Activity": [FieldColumn("event"), FieldColumn("ip"), FieldColumn("description"), FieldColumn("timestamp")],
        "Resources": [
            FieldColumn("current_state"), FieldColumn("is_suspended"),
            FieldColumn("memory", "resources.memory_bytes", format: .bytes), FieldColumn("cpu", "resources.cpu_absolute"),
            FieldColumn("disk", "resources.disk_bytes", format: .bytes),
        ],
        "EggVariable": [
            FieldColumn("id"), FieldColumn("env_variable"), FieldColumn("name"), FieldColumn("default_value"),
            FieldColumn("user_editable"),
        ],
        "ServerVariable": [
            FieldColumn("env_variable"), FieldColumn("name"), FieldColumn("server_value"), FieldColumn("default_value"),
        ],
    ]
}
