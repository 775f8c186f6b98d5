/// A Pelican plugin, held as data: the panel reads each from its folder's `plugin.json`
/// (app/Models/Plugin.php `getRows`), the sim runs none of their PHP.
struct Plugin: Sendable {
    /// app/Enums/PluginStatus.php.
    enum Status: String, Sendable {
        case notInstalled = "not_installed", disabled, enabled, errored, incompatible
    }

    /// app/Enums/PluginCategory.php.
    enum Category: String, Sendable {
        case plugin, theme, language
    }

    var id: String
    var name: String
    var author: String
    var version: String
    var description: String?
    var category: Category
    var url: String?
    var updateURL: String?
    var namespace: String
    var className: String
    /// `panels` of plugin.json (the panel stores them comma-joined); nil for every panel.
    var panels: [String]?
    /// A constraint: `^1.0.0` is that version or newer, `1.0.0` exactly that one.
    var panelVersion: String?
    var composerPackages: JSONValue?
    var status: Status
    var statusMessage: String?
    var loadOrder: Int
    /// What the file at `updateURL` offers for every panel version (its `*` entry): the panel
    /// fetches it (`getUpdateData`), the sim keeps it here.
    var offeredUpdate: (version: String, downloadURL: String)?

    /// `isCompatible`: no constraint, or the panel's version meets it.
    func isCompatible(panelVersion current: String) -> Bool {
        guard let constraint = panelVersion, !constraint.isEmpty else { return true }
        let strict = !constraint.hasPrefix("^")
        let order = PHPVersion.compare(current, String(constraint.drop { $0 == "^" }))
        return strict ? order == 0 : order >= 0
    }

    /// `isUpdateAvailable`: the offered version is newer than this one.
    var isUpdateAvailable: Bool {
        guard updateURL != nil, let offered = offeredUpdate else { return false }
        return PHPVersion.compare(offered.version, version) > 0
    }

    func canEnable(panelVersion current: String) -> Bool { status == .disabled && isCompatible(panelVersion: current) }

    var canDisable: Bool { status == .enabled || status == .incompatible }
}
