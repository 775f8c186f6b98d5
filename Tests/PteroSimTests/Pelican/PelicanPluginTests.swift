import Foundation
import Hummingbird
import Testing
@testable import PteroSim

/// Pelican's plugins (Plugins/PluginController.php at 235c8fb): list, view, imports and the
/// status changes, each with the state check the controller or the model applies.
@Suite struct PelicanPluginTests {
    static let unexpected = "An unexpected error was encountered while processing this request, please try again."

    /// A refusal by a plain PanelException: 500 under its class name, the message hidden.
    static func expectPanelException(_ result: SimResult, _ comment: Comment) {
        #expect(result.status == 500, comment)
        #expect(result.errorCode == "PanelException", comment)
        #expect(result.errorDetail == unexpected, comment)
    }

    @Test func listIsPaginatedTenAPageWithFiltersAndSorts() async throws {
        try await withSim(.pelican()) { sim in
            let list = try await sim.app(.get, "/plugins")
            #expect(list.status == 200)
            #expect(list.json["meta"]?["pagination"]?["per_page"]?.intValue == 10)
            #expect(list.data.compactMap { $0["attributes"]?["id"]?.stringValue } == ["classic-theme", "player-counter", "register", "tickets"])
            #expect(list.data.allSatisfy { $0["object"]?.stringValue == "plugin" })
            let themes = try await sim.app(.get, "/plugins?filter[category]=theme")
            #expect(themes.data.compactMap { $0["attributes"]?["id"]?.stringValue } == ["classic-theme"])
            let byName = try await sim.app(.get, "/plugins?filter[name]=count")
            #expect(byName.data.compactMap { $0["attributes"]?["id"]?.stringValue } == ["player-counter"])
            let sorted = try await sim.app(.get, "/plugins?sort=-name&per_page=2")
            #expect(sorted.data.compactMap { $0["attributes"]?["name"]?.stringValue } == ["Tickets", "Register"])
            #expect(sorted.json["meta"]?["pagination"]?["total_pages"]?.intValue == 2)
            let badSort = try await sim.app(.get, "/plugins?sort=version")
            #expect(badSort.status == 400 && badSort.errorCode == "InvalidSortQuery")
            let badFilter = try await sim.app(.get, "/plugins?filter[version]=1")
            #expect(badFilter.status == 400 && badFilter.errorCode == "InvalidFilterQuery")
        }
    }

    /// PluginTransformer's attributes, `meta` nested in them, in its order.
    @Test func viewAnswersTheTransformersAttributes() async throws {
        try await withSim(.pelican()) { sim in
            let view = try await sim.app(.get, "/plugins/register")
            #expect(view.status == 200)
            #expect(keys(view.attributes) == ["id", "name", "author", "version", "description", "category", "url", "update_url",
                                              "namespace", "class", "panels", "panel_version", "composer_packages", "meta"])
            #expect(keys(view.attributes["meta"]) == ["status", "status_message", "load_order", "is_compatible", "update_available",
                                                      "can_enable", "can_disable"])
            #expect(view.attributes["panels"]?.arrayValue == [.string("app")])
            #expect(view.attributes["meta"]?["status"]?.stringValue == "disabled")
            #expect(view.attributes["meta"]?["update_available"]?.boolValue == true)
            #expect(view.attributes["meta"]?["can_enable"]?.boolValue == true)
            let tickets = try await sim.app(.get, "/plugins/tickets")
            #expect(tickets.attributes["composer_packages"]?["guzzlehttp/guzzle"]?.stringValue == "^7.8")
            #expect(tickets.attributes["panels"] == .null)
            let theme = try await sim.app(.get, "/plugins/classic-theme")
            #expect(theme.attributes["meta"]?["is_compatible"]?.boolValue == false)
            #expect(theme.attributes["meta"]?["can_enable"]?.boolValue == false)
            #expect(theme.attributes["meta"]?["can_disable"]?.boolValue == true)
            let missing = try await sim.app(.get, "/plugins/nope")
            #expect(missing.status == 404)
            #expect(missing.errorCode == "NotFoundHttpException")
            #expect(missing.errorDetail == "The requested resource could not be found on the server.")
            for action in ["install", "update", "uninstall", "enable", "disable"] {
                do { let status = try await sim.app(.post, "/plugins/nope/\(action)").status; #expect(status == 404, "\(action)") }
            }
        }
    }

    /// PluginService: install enables, disable and enable toggle, uninstall leaves it not installed.
    @Test func installDisableEnableUninstall() async throws {
        try await withSim(.pelican()) { sim in
            let installed = try await sim.app(.post, "/plugins/tickets/install")
            #expect(installed.status == 200)
            #expect(installed.json["object"]?.stringValue == "plugin")
            #expect(installed.attributes["meta"]?["status"]?.stringValue == "enabled")
            Self.expectPanelException(try await sim.app(.post, "/plugins/tickets/install"), "installed twice")
            Self.expectPanelException(try await sim.app(.post, "/plugins/tickets/enable"), "enabled while enabled")
            let disabled = try await sim.app(.post, "/plugins/tickets/disable")
            #expect(disabled.attributes["meta"]?["status"]?.stringValue == "disabled")
            Self.expectPanelException(try await sim.app(.post, "/plugins/tickets/disable"), "disabled while disabled")
            let enabled = try await sim.app(.post, "/plugins/tickets/enable")
            #expect(enabled.attributes["meta"]?["status"]?.stringValue == "enabled")
            let uninstalled = try await sim.app(.post, "/plugins/tickets/uninstall", json: "{}")
            #expect(uninstalled.status == 200)
            #expect(uninstalled.attributes["meta"]?["status"]?.stringValue == "not_installed")
            Self.expectPanelException(try await sim.app(.post, "/plugins/tickets/uninstall"), "uninstalled twice")
            Self.expectPanelException(try await sim.app(.post, "/plugins/tickets/disable"), "disabled while not installed")
            #expect(sim.state { $0.plugins["tickets"]?.status } == .notInstalled)
        }
    }

    /// `delete` (`boolean`) removes the plugin's folder: the answer is the plugin, then it is gone.
    @Test func uninstallWithDeleteRemovesThePlugin() async throws {
        try await withSim(.pelican()) { sim in
            let invalid = try await sim.app(.post, "/plugins/player-counter/uninstall", json: #"{"delete":"x"}"#)
            #expect(invalid.status == 422)
            #expect(invalid.firstError["meta"]?["rule"]?.stringValue == "boolean")
            let removed = try await sim.app(.post, "/plugins/player-counter/uninstall", json: #"{"delete":true}"#)
            #expect(removed.status == 200)
            #expect(removed.attributes["id"]?.stringValue == "player-counter")
            #expect(removed.attributes["meta"]?["status"]?.stringValue == "not_installed")
            do { let status = try await sim.app(.get, "/plugins/player-counter").status; #expect(status == 404) }
        }
    }

    /// `isUpdateAvailable`: the offered version is newer. An update replaces the files and
    /// `installPlugin($plugin, false)` leaves the plugin disabled at the new version.
    @Test func updateTakesTheOfferedVersionOnlyWhenNewer() async throws {
        try await withSim(.pelican()) { sim in
            Self.expectPanelException(try await sim.app(.post, "/plugins/player-counter/update"), "offered version is the same")
            Self.expectPanelException(try await sim.app(.post, "/plugins/tickets/update"), "no update url")
            let updated = try await sim.app(.post, "/plugins/register/update")
            #expect(updated.status == 200)
            #expect(updated.attributes["version"]?.stringValue == "1.1.0")
            #expect(updated.attributes["meta"]?["status"]?.stringValue == "disabled")
            #expect(updated.attributes["meta"]?["update_available"]?.boolValue == false)
            Self.expectPanelException(try await sim.app(.post, "/plugins/register/update"), "updated twice")
        }
    }

    /// An incompatible plugin can be disabled but not enabled again (`canEnable` wants it compatible).
    @Test func anIncompatiblePluginCannotBeEnabled() async throws {
        try await withSim(.pelican()) { sim in
            Self.expectPanelException(try await sim.app(.post, "/plugins/classic-theme/enable"), "incompatible")
            let disabled = try await sim.app(.post, "/plugins/classic-theme/disable")
            #expect(disabled.attributes["meta"]?["status"]?.stringValue == "disabled")
            Self.expectPanelException(try await sim.app(.post, "/plugins/classic-theme/enable"), "still incompatible")
        }
    }

    /// `importUrl`: `url` `required|string`, then an empty 201; the plugin is not installed.
    @Test func importFromURL() async throws {
        try await withSim(.pelican()) { sim in
            let missing = try await sim.app(.post, "/plugins/import/url", json: "{}")
            #expect(missing.status == 422)
            #expect(missing.errorDetail == "The url field is required.")
            let number = try await sim.app(.post, "/plugins/import/url", json: #"{"url":5}"#)
            #expect(number.status == 422)
            let imported = try await sim.app(.post, "/plugins/import/url", json: #"{"url":"https://example.com/files/Server-Stats.zip"}"#)
            #expect(imported.status == 201)
            #expect(imported.text.isEmpty)
            let view = try await sim.app(.get, "/plugins/server-stats")
            #expect(view.attributes["name"]?.stringValue == "ServerStats")
            #expect(view.attributes["url"]?.stringValue == "https://example.com/files/Server-Stats.zip")
            #expect(view.attributes["meta"]?["status"]?.stringValue == "not_installed")
            let bad = try await sim.app(.post, "/plugins/import/url", json: #"{"url":"https://example.com/-bad!.zip"}"#)
            #expect(bad.status == 500 && bad.errorCode == "Exception")
            // Importing over an installed plugin replaces it: not installed again.
            do { let status = try await sim.app(.post, "/plugins/player-counter/install").status; #expect(status == 500) }
            do { let status = try await sim.app(.post, "/plugins/import/url", json: #"{"url":"https://example.com/player-counter.zip"}"#).status; #expect(status == 201) }
            #expect(sim.state { $0.plugins["player-counter"]?.status } == .notInstalled)
        }
    }

    /// `importFile`: a multipart `plugin` file part, else the PanelException for no file.
    @Test func importFromFile() async throws {
        try await withSim(.pelican()) { sim in
            Self.expectPanelException(try await sim.app(.post, "/plugins/import/file", json: "{}"), "no file")
            let boundary = "pteroboundary"
            func multipart(name: String, filename: String?) -> [UInt8] {
                let disposition = "form-data; name=\"\(name)\"" + (filename.map { "; filename=\"\($0)\"" } ?? "")
                return Array("--\(boundary)\r\nContent-Disposition: \(disposition)\r\nContent-Type: application/zip\r\n\r\nPK\u{03}\u{04}\r\n--\(boundary)--\r\n".utf8)
            }
            let notAFile = try await sim.request(.post, "/api/application/plugins/import/file", key: sim.appKey,
                                                 raw: multipart(name: "plugin", filename: nil), contentType: "multipart/form-data; boundary=\(boundary)")
            Self.expectPanelException(notAFile, "a text part is not a file")
            let imported = try await sim.request(.post, "/api/application/plugins/import/file", key: sim.appKey,
                                                 raw: multipart(name: "plugin", filename: "billing.zip"), contentType: "multipart/form-data; boundary=\(boundary)")
            #expect(imported.status == 201)
            #expect(imported.text.isEmpty)
            let view = try await sim.app(.get, "/plugins/billing")
            #expect(view.attributes["meta"]?["status"]?.stringValue == "not_installed")
            #expect(view.attributes["url"] == .null)
        }
    }

    /// Read/WritePluginRequest: the `plugin` resource, read to list, write to change.
    @Test func aKeyNeedsThePluginPermission() async throws {
        try await withSim(.pelican()) { sim in
            let readOnly = sim.state { $0.sortedValues($0.apiKeys).first { $0.description == "Read-only application key" }!.token }
            do { let status = try await sim.request(.get, "/api/application/plugins", key: readOnly).status; #expect(status == 200) }
            let write = try await sim.request(.post, "/api/application/plugins/tickets/install", key: readOnly)
            #expect(write.status == 403 && write.errorCode == "AccessDeniedHttpException")
            sim.mutate { state in
                for (id, key) in state.apiKeys where key.token == readOnly { state.apiKeys[id]?.permissions["plugins"] = 0 }
            }
            do { let status = try await sim.request(.get, "/api/application/plugins", key: readOnly).status; #expect(status == 403) }
            do { let status = try await sim.request(.get, "/api/application/plugins", key: sim.clientKey).status; #expect(status == 200) }
            let userId = sim.state { state in state.sortedValues(state.users).first { !$0.rootAdmin }!.id }
            let client = try await sim.request(.get, "/api/application/plugins", key: sim.key(ofUser: userId))
            #expect(client.status == 403)
        }
    }

    /// PHP's `version_compare`, which `isCompatible` and `isUpdateAvailable` use.
    @Test func versionsCompareAsPHPDoes() {
        #expect(PHPVersion.compare("1.0.0-beta38", "1.0.0-beta30") == 1)
        #expect(PHPVersion.compare("1.0.0-beta38", "1.0.0") == -1)
        #expect(PHPVersion.compare("1.0.0", "1.0.0") == 0)
        #expect(PHPVersion.compare("1.0", "1.0.0") == -1)
        #expect(PHPVersion.compare("1.0.0-alpha", "1.0.0-beta") == -1)
        #expect(PHPVersion.compare("1.0.0-rc1", "1.0.0-beta9") == 1)
        #expect(PHPVersion.compare("1.10.0", "1.9.0") == 1)
        #expect(PHPVersion.compare("1.0.0pl1", "1.0.0") == 1)
    }
}
