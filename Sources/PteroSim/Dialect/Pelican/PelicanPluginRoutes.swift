/// Pelican's plugins (app/Http/Controllers/Api/Application/Plugins/PluginController.php),
/// as data: list, view, import and the status changes of app/Services/Helpers/PluginService.php.
/// No archive is fetched or opened and no PHP runs: an import's plugin is named from its
/// url or file name, an update's version is the one its update file offers.
enum PelicanPluginRoutes {
    static let base = "/api/application/plugins"

    /// The release 235c8fb follows: `config('app.version')` of a built panel. At `canary`
    /// every plugin would be compatible and none would have an update (app/Models/Plugin.php).
    static let panelVersion = "1.0.0-beta38"

    static var routes: [Route] {
        [
            Route("GET", base, .application(.plugins), list),
            Route("GET", base + "/{plugin}", .application(.plugins), view),
            Route("POST", base + "/import/file", .application(.plugins), importFile),
            Route("POST", base + "/import/url", .application(.plugins), importURL),
            Route("POST", base + "/{plugin}/install", .application(.plugins), install),
            Route("POST", base + "/{plugin}/update", .application(.plugins), update),
            Route("POST", base + "/{plugin}/uninstall", .application(.plugins), uninstall),
            Route("POST", base + "/{plugin}/enable", .application(.plugins), enable),
            Route("POST", base + "/{plugin}/disable", .application(.plugins), disable),
        ]
    }

    /// `index`: spatie query builder, partial filters and sorts on four columns.
    static let listQuery = ListQuery<Plugin>(
        filters: [
            .init(name: "id", match: .partial) { $0.id }, .init(name: "name", match: .partial) { $0.name },
            .init(name: "author", match: .partial) { $0.author }, .init(name: "category", match: .partial) { $0.category.rawValue },
        ],
        sorts: [
            .init(name: "id") { .text($0.id) }, .init(name: "name") { .text($0.name) },
            .init(name: "author") { .text($0.author) }, .init(name: "category") { .text($0.category.rawValue) },
        ])

    /// app/Transformers/Api/Application/PluginTransformer.php.
    static func render(_ plugin: Plugin) -> JSONValue {
        Envelope.item("plugin", [
            ("id", .string(plugin.id)),
            ("name", .string(plugin.name)),
            ("author", .string(plugin.author)),
            ("version", .string(plugin.version)),
            ("description", .optional(plugin.description)),
            ("category", .string(plugin.category.rawValue)),
            ("url", .optional(plugin.url)),
            ("update_url", .optional(plugin.updateURL)),
            ("namespace", .string(plugin.namespace)),
            ("class", .string(plugin.className)),
            ("panels", plugin.panels.map { .array($0.map { .string($0) }) } ?? .null),
            ("panel_version", .optional(plugin.panelVersion)),
            ("composer_packages", plugin.composerPackages ?? .null),
            ("meta", .object([
                ("status", .string(plugin.status.rawValue)),
                ("status_message", .optional(plugin.statusMessage)),
                ("load_order", .int(plugin.loadOrder)),
                ("is_compatible", .bool(plugin.isCompatible(panelVersion: panelVersion))),
                ("update_available", .bool(plugin.isUpdateAvailable)),
                ("can_enable", .bool(plugin.canEnable(panelVersion: panelVersion))),
                ("can_disable", .bool(plugin.canDisable)),
            ])),
        ])
    }

    /// The plugins in folder order (Sushi reads `plugins/` by name); `per_page` 10 unless asked.
    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let plugins = try listQuery.apply(state.plugins.values.sorted { $0.id < $1.id }, query: input.query)
        return input.paginated(plugins, defaultPerPage: 10, render: render)
    }

    /// `{plugin:id}`; a missing one is the handler's ModelNotFoundException answer.
    static func find(_ input: RouteInput, _ state: PanelState) throws -> Plugin {
        guard let plugin = state.plugins[input.parameter("plugin")] else { throw PanelError.notFound }
        return plugin
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        .json(render(try find(input, state)))
    }

    /// `throw_unless($request->hasFile('plugin'), new PanelException(...))`: a `plugin` part
    /// with a file name, else the PanelException's 500.
    static func importFile(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let parts = input.contentType.flatMap { Multipart.parse(input.rawBody, contentType: $0) } ?? []
        guard let file = parts.first(where: { $0.name == "plugin" && $0.filename != nil }), let filename = file.filename else {
            throw PanelError.unexpected("PanelException") // "No 'plugin' file in request"
        }
        try add(named: filename, url: nil, &state)
        return SimResponse(status: 201, body: [], contentType: "text/html; charset=UTF-8")
    }

    /// ImportFilePluginRequest.php: `url` `required|string`.
    static func importURL(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try Validator.validate(input.body, [FieldRules("url", [.required, .string])])
        let url = input.string("url")!
        try add(named: String(url.split(separator: "/").last ?? ""), url: url, &state)
        return SimResponse(status: 201, body: [], contentType: "text/html; charset=UTF-8")
    }

    /// `downloadPluginFromFile`: the archive's plugin.json names the plugin (here its file
    /// name, less `.zip`), whose id must be a slug; importing over a plugin replaces it, and a
    /// fresh archive's plugin.json carries no status, so the plugin is not installed.
    private static func add(named filename: String, url: String?, _ state: inout PanelState) throws {
        var id = filename.lowercased()
        if id.hasSuffix(".zip") { id.removeLast(4) }
        let slug = id.first.map { $0.isLetter || $0.isNumber } == true
            && id.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "._-".contains($0) }
        guard slug else { throw PanelError.unexpected("Exception") } // admin/plugin.notifications.import_invalid_id
        let studly = id.split { "._-".contains($0) }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        state.plugins[id] = Plugin(
            id: id, name: studly, author: "Unknown", version: "1.0.0", description: nil, category: .plugin, url: url,
            updateURL: nil, namespace: studly, className: studly + "Plugin", panels: nil, panelVersion: nil, composerPackages: nil,
            status: .notInstalled, statusMessage: nil, loadOrder: 0, offeredUpdate: nil)
    }

    /// `installPlugin($plugin)`: composer, assets, migrations, then enabled.
    static func install(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var plugin = try find(input, state)
        if plugin.status != .notInstalled { throw PanelError.unexpected("PanelException") } // "Plugin is already installed"
        plugin.status = .enabled
        plugin.statusMessage = nil
        return save(plugin, &state)
    }

    /// `updatePlugin`: the offered archive replaces the plugin's files (its plugin.json has
    /// no status), then `installPlugin($plugin, false)` disables what is not installed.
    static func update(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var plugin = try find(input, state)
        guard plugin.isUpdateAvailable, let offered = plugin.offeredUpdate else {
            throw PanelError.unexpected("PanelException") // "Plugin doesn't need updating"
        }
        plugin.version = offered.version
        plugin.status = .disabled
        plugin.statusMessage = nil
        return save(plugin, &state)
    }

    /// UninstallPluginRequest.php: `delete` `boolean`; with it the plugin's folder goes too,
    /// and the answer is the plugin as it was last (not installed).
    static func uninstall(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var plugin = try find(input, state)
        try Validator.validate(input.body, [FieldRules("delete", [.boolean])])
        if plugin.status == .notInstalled { throw PanelError.unexpected("PanelException") } // "Plugin is not installed"
        plugin.status = .notInstalled
        plugin.statusMessage = nil
        let answer = save(plugin, &state)
        if input.bool("delete") == true { state.plugins[plugin.id] = nil }
        return answer
    }

    static func enable(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var plugin = try find(input, state)
        if !plugin.canEnable(panelVersion: panelVersion) { throw PanelError.unexpected("PanelException") } // "Plugin can't be enabled"
        plugin.status = .enabled
        plugin.statusMessage = nil
        return save(plugin, &state)
    }

    static func disable(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var plugin = try find(input, state)
        if !plugin.canDisable { throw PanelError.unexpected("PanelException") } // "Plugin can't be disabled"
        plugin.status = .disabled
        plugin.statusMessage = nil
        return save(plugin, &state)
    }

    private static func save(_ plugin: Plugin, _ state: inout PanelState) -> SimResponse {
        state.plugins[plugin.id] = plugin
        return .json(render(plugin))
    }

    /// The seeded plugins: one enabled, one not installed, one disabled with an update
    /// offered, and a theme made for an older panel (so incompatible).
    static func seed(_ state: inout PanelState) {
        let plugins = [
            Plugin(id: "player-counter", name: "Player Counter", author: "Boy132", version: "1.2.0",
                   description: "Shows the players online on a game server", category: .plugin,
                   url: "https://github.com/pelican-dev/plugins/tree/main/player-counter",
                   updateURL: "https://raw.githubusercontent.com/pelican-dev/plugins/main/player-counter/update.json",
                   namespace: "Boy132\\PlayerCounter", className: "PlayerCounterPlugin", panels: ["admin", "server"],
                   panelVersion: "^1.0.0-beta30", composerPackages: nil, status: .enabled, statusMessage: nil, loadOrder: 0,
                   offeredUpdate: ("1.2.0", "https://github.com/pelican-dev/plugins/releases/download/player-counter-1.2.0/player-counter.zip")),
            Plugin(id: "tickets", name: "Tickets", author: "Boy132", version: "1.0.0", description: "A support ticket system",
                   category: .plugin, url: nil, updateURL: nil, namespace: "Boy132\\Tickets", className: "TicketsPlugin", panels: nil,
                   panelVersion: nil, composerPackages: .object([("guzzlehttp/guzzle", .string("^7.8"))]), status: .notInstalled,
                   statusMessage: nil, loadOrder: 1, offeredUpdate: nil),
            Plugin(id: "register", name: "Register", author: "Boy132", version: "1.0.0", description: "Lets visitors make accounts",
                   category: .plugin, url: nil,
                   updateURL: "https://raw.githubusercontent.com/pelican-dev/plugins/main/register/update.json",
                   namespace: "Boy132\\Register", className: "RegisterPlugin", panels: ["app"], panelVersion: "^1.0.0-beta30",
                   composerPackages: nil, status: .disabled, statusMessage: nil, loadOrder: 2,
                   offeredUpdate: ("1.1.0", "https://github.com/pelican-dev/plugins/releases/download/register-1.1.0/register.zip")),
            Plugin(id: "classic-theme", name: "Classic Theme", author: "Example", version: "0.3.0", description: nil,
                   category: .theme, url: nil, updateURL: nil, namespace: "Example\\ClassicTheme", className: "ClassicThemePlugin",
                   panels: nil, panelVersion: "1.0.0-beta20", composerPackages: nil, status: .incompatible,
                   statusMessage: "This Plugin is only compatible with Panel version 1.0.0-beta20 but you are using version 1.0.0-beta38!",
                   loadOrder: 3, offeredUpdate: nil),
        ]
        for plugin in plugins { state.plugins[plugin.id] = plugin }
    }
}
