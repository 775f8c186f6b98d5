/// The client routes only Pelican has, or answers differently (routes/api-client.php and
/// app/Http/Controllers/Api/Client/**).
enum PelicanClientRoutes {
    static var routes: [Route] {
        [
            Route("PUT", "/api/client/account/username", .client, updateUsername),
            Route("DELETE", "/api/client/account/ssh-keys/{fingerprint}", .client, deleteSSHKey),
            ClientRoutes.onServer("PUT", "/backups/{backup}/rename", renameBackup),
            ClientRoutes.onServer("POST", "/settings/rename", rename),
            ClientRoutes.onServer("POST", "/settings/description", describe),
        ]
    }

    /// `AccountController@updateUsername`: the password must match (InvalidPasswordProvidedException)
    /// and an externally managed account is refused (403); the rule is User.php's `username`.
    static func updateUsername(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        guard input.string("password") == input.user.password else { throw AccountRoutes.invalidPassword() }
        if input.user.isManagedExternally { throw PanelError.unauthorized }
        let usernames = Set(state.users.values.filter { $0.id != input.user.id }.map { $0.username.lowercased() })
        try Validator.validate(input.body, [
            FieldRules("username", [.required, .between(1, 255), .unique { usernames.contains(($0.stringValue ?? "").lowercased()) }]),
        ])
        let original = input.user.username
        let username = Validator.lookup("username", in: input.body).flatMap(RuleEvaluator.scalarText) ?? original
        state.users[input.user.id]?.username = username
        state.users[input.user.id]?.updatedAt = input.nowSeconds
        if original != username {
            state.log("user:account.username-changed", input: input, properties: [("old", .string(original)), ("new", .string(username))])
        }
        return .noContent
    }

    /// `SSHKeyController@delete`: the fingerprint is in the path; another user's key or an
    /// unknown one is 404 (`firstOrFail`).
    static func deleteSSHKey(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let fingerprint = input.parameter("fingerprint")
        guard let key = state.sshKeys.values.first(where: { $0.userId == input.user.id && $0.fingerprint == fingerprint }) else {
            throw PanelError.notFound
        }
        state.sshKeys[key.id] = nil
        state.log("user:ssh-key.delete", input: input, properties: [("fingerprint", .string(fingerprint))])
        return .noContent
    }

    /// `BackupController@rename`: Backups/RenameBackupRequest.php wants `backup.delete` and
    /// `name` `required|string|max:255`; answers the backup.
    static func renameBackup(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("backup.delete")
        var backup = try BackupRoutes.find(input, state)
        try Validator.validate(input.body, [FieldRules("name", [.required, .string, .max(255)])])
        let oldName = backup.name
        backup.name = input.string("name")!
        state.backups[backup.id] = backup
        if oldName != backup.name {
            state.log("server:backup.rename", input: input, serverId: input.serverId,
                      properties: [("old_name", .string(oldName)), ("new_name", .string(backup.name))])
        }
        return .json(input.clientTransformer.backup(backup))
    }

    /// `SettingsController@rename`: Settings/RenameServerRequest.php takes only `name`
    /// (Server.php: `required|string|min:1|max:255`); the description has its own route.
    static func rename(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("settings.rename")
        try Validator.validate(input.body, [FieldRules("name", [.required, .string, .min(1), .max(255)])])
        let original = state.servers[input.serverId]?.name ?? ""
        let name = input.string("name")!
        state.servers[input.serverId]?.name = name
        if original != name {
            state.log("server:settings.rename", input: input, serverId: input.serverId, properties: [("old", .string(original)), ("new", .string(name))])
        }
        return .noContent
    }

    /// `SettingsController@description`: permission `settings.description`, `description`
    /// `string|nullable` (null stores ""); `panel.editable_server_descriptions` is on by default.
    static func describe(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("settings.description")
        try Validator.validate(input.body, [FieldRules("description", [.string, .nullable])])
        let original = state.servers[input.serverId]?.description ?? ""
        let description = input.string("description") ?? ""
        state.servers[input.serverId]?.description = description
        if original != description {
            state.log("server:settings.description", input: input, serverId: input.serverId,
                      properties: [("old", .string(original)), ("new", .string(description))])
        }
        return .noContent
    }
}
