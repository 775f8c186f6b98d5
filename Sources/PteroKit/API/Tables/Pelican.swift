/// Pelican (pelican-dev/panel, the 2026 main branch at 235c8fb): the
/// maintained fork of Pterodactyl 1.x, without locations and nests.
///
/// From its `routes/api-application.php` and `routes/api-client.php`:
/// the application API has no `/locations` and no `/nests` (eggs are
/// top-level, `GET /eggs` answers `Egg::all()` unpaginated,
/// Api/Application/Eggs/EggController.php), and adds user roles, server
/// transfers, database hosts, mounts, roles and plugins; the client API
/// has no two-factor routes and removes an SSH key by
/// `DELETE ssh-keys/{fingerprint}`, and adds `PUT account/username`,
/// backup renaming and `settings/description`. A user has no first or
/// last name (Users/StoreUserRequest.php takes external_id,
/// is_managed_externally, email, username, password, language,
/// timezone); servers filter on `uuid_short`, not `uuidShort`
/// (Servers/ServerController.php `index`). The rows it shares with
/// Pterodactyl 1.x are 1.x's own, so a field is written once.
extension APITable {
    public static let pelican = APITable(dialect: .pelican, endpoints:
        pterodactyl1.endpoints.filter { !notInPelican.contains($0.id) }.map(\.asPelicans) + pelicanOnly)

    /// Pterodactyl 1.x rows Pelican has not got.
    static let notInPelican: Set<String> = [
        "locations.list", "locations.view", "locations.create", "locations.update", "locations.delete",
        "nests.list", "nests.view", "eggs.list", "eggs.view",
        "account.two_factor.setup", "account.two_factor.enable", "account.two_factor.disable",
        "account.ssh_keys.delete",
    ]

    private static let deletes = "Deletes this {kind} on the panel."

    /// Routes only Pelican has, in the order of its route files.
    static let pelicanOnly: [APIEndpoint] = [
        APIEndpoint(.application, .patch, "/api/application/users/{user}/roles/assign", "users.assign_roles", "user", swift: "assignUserRoles(id:roles:)",
                    offer: .method("user", "assign_roles"), body: [.wholeList("roles", "role ids (whole numbers)")], required: ["roles"],
                    summary: "Gives the user these roles (Users/AssignUserRolesRequest.php)."),
        APIEndpoint(.application, .patch, "/api/application/users/{user}/roles/remove", "users.remove_roles", "user", swift: "removeUserRoles(id:roles:)",
                    offer: .method("user", "remove_roles"), body: [.wholeList("roles", "role ids (whole numbers)")], required: ["roles"],
                    summary: "Takes these roles from the user."),
        APIEndpoint(.application, .post, "/api/application/servers/{server}/transfer", "servers.transfer", "204",
                    swift: "transferServer(id:node:allocation:additional:)", offer: .method("server", "transfer"),
                    body: [.whole("node_id", "a node id (a whole number)"), .whole("allocation_id", "an allocation id (a whole number)"),
                           .wholeList("allocation_additional", "allocation ids (whole numbers)")],
                    required: ["node_id", "allocation_id"], strategy: .custom,
                    summary: "Moves the server to another node (transfer(node:, allocation:, additional:)); the panel answers 406 when that node cannot take it."),
        APIEndpoint(.application, .post, "/api/application/servers/{server}/transfer/cancel", "servers.cancel_transfer", "204",
                    swift: "cancelServerTransfer(id:)", offer: .method("server", "cancel_transfer"),
                    summary: "Stops a transfer under way; the panel answers 406 when there is none."),
        APIEndpoint(.application, .get, "/api/application/eggs", "pelican.eggs.list", "list<egg>", swift: "eggs(include:)", offer: .collection("eggs")),
        APIEndpoint(.application, .get, "/api/application/eggs/{egg}", "pelican.eggs.view", "egg", swift: "egg(id:include:)"),
        // Eggs/EggController.php: export answers the egg file (`?format=json`, else YAML) as a
        // download; import takes that file as the whole body and answers the egg with 201.
        APIEndpoint(.application, .get, "/api/application/eggs/{egg}/export", "pelican.eggs.export", "raw:egg_export", swift: "exportEgg(id:format:)"),
        APIEndpoint(.application, .post, "/api/application/eggs/import", "pelican.eggs.import", "egg(201)", swift: "importEgg(_:)"),
        APIEndpoint(.application, .delete, "/api/application/eggs/{egg}", "pelican.eggs.delete", "204", swift: "deleteEgg(id:)",
                    offer: .method("egg", "delete"), destructive: true, summary: deletes),
        APIEndpoint(.application, .delete, "/api/application/eggs/uuid/{egg}", "pelican.eggs.delete_by_uuid", "204", swift: "deleteEgg(uuid:)"),
        APIEndpoint(.application, .get, "/api/application/database-hosts", "database_hosts.list", "list<database_host>+pagination",
                    swift: "listDatabaseHosts(_:)", offer: .collection("database_hosts"), filters: ["name", "host"]),
        APIEndpoint(.application, .get, "/api/application/database-hosts/{database_host}", "database_hosts.view", "database_host",
                    swift: "databaseHost(id:include:)"),
        APIEndpoint(.application, .post, "/api/application/database-hosts", "database_hosts.create", "database_host(201)",
                    swift: "createDatabaseHost(_:)", offer: .create("database_hosts")),
        APIEndpoint(.application, .patch, "/api/application/database-hosts/{database_host}", "database_hosts.update", "database_host",
                    swift: "updateDatabaseHost(id:_:)"),
        APIEndpoint(.application, .delete, "/api/application/database-hosts/{database_host}", "database_hosts.delete", "204",
                    swift: "deleteDatabaseHost(id:)", offer: .method("database_host", "delete"), destructive: true, summary: deletes),
        APIEndpoint(.application, .get, "/api/application/mounts", "mounts.list", "list<mount>+pagination", swift: "listMounts(_:)",
                    offer: .collection("mounts"), filters: ["uuid", "name"]),
        APIEndpoint(.application, .get, "/api/application/mounts/{mount}", "mounts.view", "mount", swift: "mount(id:include:)"),
        APIEndpoint(.application, .get, "/api/application/mounts/{mount}/eggs", "mounts.eggs", "list<egg>", swift: "mountEggs(id:)"),
        APIEndpoint(.application, .get, "/api/application/mounts/{mount}/nodes", "mounts.nodes", "list<node>", swift: "mountNodes(id:)"),
        APIEndpoint(.application, .get, "/api/application/mounts/{mount}/servers", "mounts.servers", "list<server>", swift: "mountServers(id:)"),
        APIEndpoint(.application, .post, "/api/application/mounts", "mounts.create", "mount(201)", swift: "createMount(_:)", offer: .create("mounts")),
        APIEndpoint(.application, .post, "/api/application/mounts/{mount}/eggs", "mounts.add_eggs", "mount", swift: "addMountEggs(id:eggs:)",
                    offer: .method("mount", "add_eggs"), body: [.wholeList("eggs", "egg ids (whole numbers)")], required: ["eggs"],
                    summary: "Attaches the mount to these eggs (Mounts/UpdateMountEggsRequest.php)."),
        APIEndpoint(.application, .post, "/api/application/mounts/{mount}/nodes", "mounts.add_nodes", "mount", swift: "addMountNodes(id:nodes:)",
                    offer: .method("mount", "add_nodes"), body: [.wholeList("nodes", "node ids (whole numbers)")], required: ["nodes"],
                    summary: "Attaches the mount to these nodes."),
        APIEndpoint(.application, .post, "/api/application/mounts/{mount}/servers", "mounts.add_servers", "mount", swift: "addMountServers(id:servers:)",
                    offer: .method("mount", "add_servers"), body: [.wholeList("servers", "server ids (whole numbers)")], required: ["servers"],
                    summary: "Attaches the mount to these servers (Mounts/UpdateMountServersRequest.php)."),
        APIEndpoint(.application, .patch, "/api/application/mounts/{mount}", "mounts.update", "mount", swift: "updateMount(id:_:)"),
        APIEndpoint(.application, .delete, "/api/application/mounts/{mount}", "mounts.delete", "204", swift: "deleteMount(id:)",
                    offer: .method("mount", "delete"), destructive: true, summary: deletes),
        APIEndpoint(.application, .delete, "/api/application/mounts/{mount}/eggs/{egg_id}", "mounts.remove_egg", "204", swift: "removeMountEgg(id:egg:)"),
        APIEndpoint(.application, .delete, "/api/application/mounts/{mount}/nodes/{node_id}", "mounts.remove_node", "204", swift: "removeMountNode(id:node:)"),
        APIEndpoint(.application, .delete, "/api/application/mounts/{mount}/servers/{server_id}", "mounts.remove_server", "204",
                    swift: "removeMountServer(id:server:)"),
        APIEndpoint(.application, .get, "/api/application/roles", "roles.list", "list<role>+pagination", swift: "listRoles(_:)",
                    offer: .collection("roles"), filters: ["id", "name"]),
        APIEndpoint(.application, .get, "/api/application/roles/{role}", "roles.view", "role", swift: "role(id:include:)"),
        APIEndpoint(.application, .post, "/api/application/roles", "roles.create", "role(201)", swift: "createRole(name:)", offer: .create("roles"),
                    body: [.text("name")], required: ["name"]),
        APIEndpoint(.application, .patch, "/api/application/roles/{role}", "roles.update", "role", swift: "updateRole(id:name:)",
                    offer: .method("role", "update"), body: [.text("name")], required: ["name"], summary: "Renames the role."),
        APIEndpoint(.application, .delete, "/api/application/roles/{role}", "roles.delete", "204", swift: "deleteRole(id:)",
                    offer: .method("role", "delete"), destructive: true, summary: deletes),
        // Plugins/PluginController.php: imports answer an empty 201, the state changes the
        // plugin (PluginTransformer); filters and sorts on id, name, author and category.
        APIEndpoint(.application, .get, "/api/application/plugins", "plugins.list", "list<plugin>+pagination", swift: "listPlugins(_:)",
                    filters: ["id", "name", "author", "category"]),
        APIEndpoint(.application, .get, "/api/application/plugins/{plugin}", "plugins.view", "plugin", swift: "plugin(id:)"),
        APIEndpoint(.application, .post, "/api/application/plugins/import/file", "plugins.import_file", "201", swift: "importPluginFile(_:)",
                    summary: "Imports a plugin archive sent as the multipart file part `plugin`."),
        APIEndpoint(.application, .post, "/api/application/plugins/import/url", "plugins.import_url", "201", swift: "importPlugin(url:)",
                    body: [.text("url")], required: ["url"], summary: "Imports the plugin archive at this url (Plugins/ImportFilePluginRequest.php)."),
        APIEndpoint(.application, .post, "/api/application/plugins/{plugin}/install", "plugins.install", "plugin", swift: "installPlugin(id:)"),
        APIEndpoint(.application, .post, "/api/application/plugins/{plugin}/update", "plugins.update", "plugin", swift: "updatePlugin(id:)"),
        APIEndpoint(.application, .post, "/api/application/plugins/{plugin}/uninstall", "plugins.uninstall", "plugin", swift: "uninstallPlugin(id:delete:)",
                    body: [.flag("delete")], summary: "Uninstalls the plugin; `delete` removes its files too (Plugins/UninstallPluginRequest.php)."),
        APIEndpoint(.application, .post, "/api/application/plugins/{plugin}/enable", "plugins.enable", "plugin", swift: "enablePlugin(id:)"),
        APIEndpoint(.application, .post, "/api/application/plugins/{plugin}/disable", "plugins.disable", "plugin", swift: "disablePlugin(id:)"),
        APIEndpoint(.client, .put, "/api/client/account/username", "account.update_username", "204", swift: "updateUsername(_:password:)",
                    offer: .method("account", "update_username"), body: [.text("username"), .text("password")], required: ["username", "password"],
                    summary: "Changes the account's username."),
        APIEndpoint(.client, .delete, "/api/client/account/ssh-keys/{fingerprint}", "account.ssh_keys.delete_by_fingerprint", "204",
                    swift: "deleteSSHKey(fingerprint:)", offer: .method("ssh_key", "delete"), destructive: true,
                    summary: "Removes the SSH key from the account."),
        APIEndpoint(.client, .put, "/api/client/servers/{server}/backups/{backup}/rename", "server.backups.rename", "backup",
                    swift: "renameBackup(server:uuid:name:)", offer: .method("backup", "rename"), body: [.text("name")], required: ["name"],
                    summary: "Renames the backup."),
        APIEndpoint(.client, .post, "/api/client/servers/{server}/settings/description", "server.settings.description", "204",
                    swift: "describeServer(server:description:)", offer: .method("server", "describe"), body: [.text("description")],
                    summary: "Changes the server's description (when the panel lets owners edit it)."),
    ]
}

extension APIEndpoint {
    /// This Pterodactyl 1.x row as Pelican has it: a user without first or
    /// last name, servers filtered on `uuid_short`, a node with CPU and tags
    /// instead of a location, `oom_killer` instead of `oom_disabled`.
    var asPelicans: APIEndpoint {
        switch id {
        case "users.update":
            return with(body: [.text("email"), .text("username"), .text("external_id"), .flag("is_managed_externally"), .text("language"),
                               .text("timezone"), BodyField.text("password").whenNamed])
        case "servers.list":
            return with(filters: ["uuid", "uuid_short", "name", "description", "image", "external_id"])
        case "users.create":
            // Users/StoreUserRequest.php: no names, no root_admin (roles instead).
            return with(body: [.text("email"), .text("username"), .text("external_id"), .flag("is_managed_externally"), .text("password"),
                               .text("language"), .text("timezone")])
        case "nodes.update", "nodes.create":
            // app/Models/Node.php `$validationRules`: no location; cpu, cpu_overallocate and
            // daemon_connect are required, tags optional.
            var fields = body.filter { $0.name != "location_id" }
            let at = fields.firstIndex { $0.name == "upload_size" } ?? fields.endIndex
            fields.insert(contentsOf: [.whole("cpu", "a whole number of percent"), .whole("cpu_overallocate", "a whole number of percent"),
                                       .whole("daemon_connect", "a port (a whole number)"), .any("tags")], at: at)
            return with(body: fields)
        case "servers.update_build":
            // Servers/UpdateServerBuildConfigurationRequest.php takes `oom_killer`, not `oom_disabled`.
            return with(body: body.map { $0.name == "oom_disabled" ? .flag("oom_killer", readFrom: "limits.oom_killer") : $0 })
        case "servers.create":
            // A deployment picks nodes by tag, not by location; Servers/StoreServerRequest.php
            // takes `oom_killer` (an `oom_disabled` is dropped by its `validated()`).
            return with(body: body.map { field in
                if field.name == "oom_disabled" { return .flag("oom_killer") }
                guard field.name == "deploy", case .map(let inner) = field.type else { return field }
                return .map("deploy", inner.map { $0.name == "locations" ? .any("tags") : $0 })
            })
        default:
            return self
        }
    }

    func with(body newBody: [BodyField]? = nil, filters newFilters: [String]? = nil) -> APIEndpoint {
        APIEndpoint(api, method, path, id, answer, swift: swiftName, offer: offer, body: newBody ?? body, required: required,
                    filters: newFilters ?? filters, exactFilters: exactFilters, defaults: defaults, strategy: strategy,
                    destructive: isDestructive, summary: summary)
    }
}
