import Foundation
import PteroKit
import PteroLang

/// A server's client-API members that are not lists of objects:
/// `s.files` (and `s.files(path)`), `s.startup` and `s.resources`. They
/// go by the server's identifier, so an application-API server reaches
/// them too when a client key is set.
enum ServerClientMembers {
    static let names = ["files", "startup", "resources"]

    static func member(_ name: String, of server: Resource) throws -> Value? {
        guard names.contains(name) else { return nil }
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
            let answer = try AnswerShape.item(try session.read(PanelRequest(.get, path + "/resources")), object: "stats",
                                              endpoint: "GET \(path)/resources")
            return Resource.fromEnvelope(answer, session: session) ?? .null
        }
    }

    /// `s.files("/config")`: the listing of a folder.
    static func call(_ name: String, of server: Resource, arguments: inout Arguments) throws -> Value? {
        guard name == "files" else { return nil }
        let (session, path) = try reach(server, name)
        return try ServerFiles(server: server, session: session, clientPath: path).list(&arguments, callee: "server.files")
    }

    private static func reach(_ server: Resource, _ name: String) throws -> (PanelSession, String) {
        guard let session = server.session else { throw RuntimeError("\(server.displayText) is not connected to a panel") }
        guard let path = server.clientPath else {
            throw RuntimeError("\(server.displayText) has no identifier, so its \(name) cannot be reached")
        }
        return (session, path)
    }
}
