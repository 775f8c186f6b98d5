import Foundation
import PteroKit
import PteroLang

/// A server's client-API members that are not lists of objects:
/// `s.files` (and `s.files(path)`), `s.startup` and `s.resources`. They
/// go by the server's identifier, so an application-API server reaches
/// them too when a client key is set.
enum ServerClientMembers {
    static let names = ["files", "startup", "resources"]

    /// The rows each member reads, the first a dialect has: Pterodactyl
    /// 0.7's `utilization` is 1.x's `resources` (v0.7.19 routes/api-client.php).
    static let rows: [String: [String]] = [
        "files": ["server.files.list"], "startup": ["server.startup.view"], "resources": ["server.resources", "server.utilization"],
    ]

    /// The members a server has on `dialect`'s panel.
    static func names(in dialect: PanelDialect) -> [String] { names.filter { row($0, in: dialect) != nil } }

    static func row(_ name: String, in dialect: PanelDialect) -> APIEndpoint? {
        rows[name]?.lazy.compactMap { dialect.table.endpoint($0) }.first
    }

    static func member(_ name: String, of server: Resource) throws -> Value? {
        guard names.contains(name) else { return nil }
        let row = try reachable(name, of: server)
        let (session, path) = try reach(server, name)
        switch name {
        case "files":
            return .host(ServerFiles(server: server, session: session, clientPath: path))
        case "startup":
            let answer = try session.read(PanelRequest(.get, path + "/startup"))
            _ = try PageEnvelope(answer, endpoint: "GET \(path)/startup", object: "egg_variable")
            guard case .map(let envelope) = answer else { return .null }
            let meta = ServerChanges.map(envelope.value(forName: "meta")) ?? MapObject()
            return .map(MapObject([
                ("command", meta.value(forName: "startup_command") ?? .null),
                ("raw_command", meta.value(forName: "raw_startup_command") ?? .null),
                ("docker_images", meta.value(forName: "docker_images") ?? .null),
                ("variables", Resource.fromEnvelope(answer, session: session) ?? Value([Value]())),
            ]))
        default:
            let route = path + row.path.dropFirst(SubCollections.clientServerRoute.count)
            var answer = try AnswerShape.item(try session.read(PanelRequest(.get, route)), object: "stats", endpoint: "GET \(route)")
            if row.id == "server.utilization" { answer = ZeroSevenStats.withResourcesFields(answer) }
            return Resource.fromEnvelope(answer, session: session) ?? .null
        }
    }

    /// `s.files("/config")`: the listing of a folder.
    static func call(_ name: String, of server: Resource, arguments: inout Arguments) throws -> Value? {
        guard name == "files" else { return nil }
        _ = try reachable(name, of: server)
        let (session, path) = try reach(server, name)
        return try ServerFiles(server: server, session: session, clientPath: path).list(&arguments, callee: "server.files")
    }

    /// The row of `name` on the server's panel, or the sentence that says it has none.
    private static func reachable(_ name: String, of server: Resource) throws -> APIEndpoint {
        let dialect = server.dialect
        guard let row = row(name, in: dialect) else {
            throw DialectAbsence.error("a server's \(name)", in: dialect, has: PanelDialect.allCases.filter { row(name, in: $0) != nil },
                                       plural: name == "files")
        }
        return row
    }

    private static func reach(_ server: Resource, _ name: String) throws -> (PanelSession, String) {
        guard let session = server.session else { throw RuntimeError("\(server.displayText) is not connected to a panel") }
        guard let path = server.clientPath else {
            throw RuntimeError("\(server.displayText) has no identifier, so its \(name) cannot be reached")
        }
        return (session, path)
    }
}
