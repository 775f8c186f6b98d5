/// Pelican's subuser permissions: the cases of app/Enums/SubuserPermission.php in their
/// order; `GET /api/client/permissions` answers them as one flat list
/// (`ClientController@permissions`, `Subuser::allPermissionKeys()`), not 1.x's groups.
enum PelicanSubuserPermissions {
    static let keys = [
        "websocket.connect",
        "control.console", "control.start", "control.stop", "control.restart",
        "file.read", "file.read-content", "file.create", "file.update", "file.delete", "file.archive", "file.sftp",
        "backup.read", "backup.create", "backup.delete", "backup.download", "backup.restore",
        "schedule.read", "schedule.create", "schedule.update", "schedule.delete",
        "user.read", "user.create", "user.update", "user.delete",
        "database.read", "database.create", "database.update", "database.delete", "database.view-password",
        "allocation.read", "allocation.create", "allocation.update", "allocation.delete",
        "activity.read",
        "mount.read", "mount.update",
        "startup.read", "startup.update", "startup.docker-image",
        "settings.rename", "settings.description", "settings.reinstall", "settings.change-icon",
    ]

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        .json(Envelope.item("system_permissions", [("permissions", .array(keys.map { .string($0) }))]))
    }
}
