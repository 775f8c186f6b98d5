import Foundation
import PteroKit
import PteroLang

/// `s.files`: a server's files through the client API. Listing and
/// reading are reads; every change goes through the write gate.
final class ServerFiles: HostValue {
    let server: Resource
    let session: PanelSession
    let clientPath: String

    init(server: Resource, session: PanelSession, clientPath: String) {
        self.server = server
        self.session = session
        self.clientPath = clientPath
    }

    var typeName: String { "Files" }
    var displayText: String { "Files of \(server.displayText)" }
    var memberNames: [String] {
        ["list", "read", "write", "delete", "rename", "copy", "create_folder", "compress", "decompress", "chmod", "pull"]
    }

    func call(arguments: inout Arguments, interpreter: Interpreter) throws -> Value? {
        try list(&arguments, callee: "files")
    }

    func callMethod(_ name: String, arguments: inout Arguments, interpreter: Interpreter) throws -> Value? {
        let callee = "files.\(name)"
        switch name {
        case "list":
            return try list(&arguments, callee: callee)
        case "read":
            let bound = try BoundArguments(arguments, callee: callee, parameters: ["path"], required: ["path"])
            return .string(try session.readText(PanelRequest(.get, clientPath + "/files/contents",
                                                             query: [URLQueryItem(name: "file", value: try bound.string("path"))])))
        case "write":
            let bound = try BoundArguments(arguments, callee: callee, parameters: ["path", "content"], required: ["path", "content"])
            guard let content = try bound.string("content") else { return .null }
            return try send(PanelRequest(.post, clientPath + "/files/write",
                                         query: [URLQueryItem(name: "file", value: try bound.string("path"))], body: .text(content)))
        case "delete":
            let bound = try BoundArguments(arguments, callee: callee, parameters: ["files", "root"], required: ["files"])
            try session.confirm("delete \(Self.names(bound["files"]!)) of \(server.displayText)")
            return try post("/files/delete", ["root": bound["root"] ?? Value("/"), "files": Self.list(bound["files"]!)])
        case "rename":
            let bound = try BoundArguments(arguments, callee: callee, parameters: ["from", "to", "root"], required: ["from", "to"])
            let move = Value.map(MapObject([("from", bound["from"]!), ("to", bound["to"]!)]))
            return try send(PanelRequest(.put, clientPath + "/files/rename", body: .json(try JSONBody.encode(
                .map(MapObject([("root", bound["root"] ?? Value("/")), ("files", Value([move]))]))))))
        case "copy":
            let bound = try BoundArguments(arguments, callee: callee, parameters: ["location"], required: ["location"])
            return try post("/files/copy", ["location": bound["location"]!])
        case "create_folder":
            let bound = try BoundArguments(arguments, callee: callee, parameters: ["name", "root"], required: ["name"])
            return try post("/files/create-folder", ["name": bound["name"]!, "root": bound["root"] ?? Value("/")])
        case "compress":
            let bound = try BoundArguments(arguments, callee: callee, parameters: ["files", "root"], required: ["files"])
            return try post("/files/compress", ["files": Self.list(bound["files"]!), "root": bound["root"] ?? Value("/")])
        case "decompress":
            let bound = try BoundArguments(arguments, callee: callee, parameters: ["file", "root"], required: ["file"])
            return try post("/files/decompress", ["file": bound["file"]!, "root": bound["root"] ?? Value("/")])
        case "chmod":
            let bound = try BoundArguments(arguments, callee: callee, parameters: ["file", "mode", "root"], required: ["file", "mode"])
            let change = Value.map(MapObject([("file", bound["file"]!), ("mode", bound["mode"]!)]))
            return try post("/files/chmod", ["root": bound["root"] ?? Value("/"), "files": Value([change])])
        case "pull":
            let bound = try BoundArguments(arguments, callee: callee, parameters: ["url", "directory", "filename", "use_header", "foreground"],
                                           required: ["url"])
            return try send(PanelRequest(.post, clientPath + "/files/pull", body: .json(try JSONBody.encode(bound.body()))))
        default:
            return nil
        }
    }

    /// The folder's entries as `File` objects.
    func list(_ arguments: inout Arguments, callee: String) throws -> Value {
        let bound = try BoundArguments(arguments, callee: callee, parameters: ["path"])
        let directory = try bound.string("path") ?? "/"
        let answer = try session.read(PanelRequest(.get, clientPath + "/files/list",
                                                   query: [URLQueryItem(name: "directory", value: directory)]))
        _ = try PageEnvelope(answer, endpoint: "GET \(clientPath)/files/list", object: "file_object")
        return Resource.fromEnvelope(answer, session: session) ?? Value([Value]())
    }

    private func post(_ suffix: String, _ fields: KeyValuePairs<String, Value>) throws -> Value {
        let body = Value.map(MapObject(fields.map { ($0.key, $0.value) }))
        return try send(PanelRequest(.post, clientPath + suffix, body: .json(try JSONBody.encode(body))))
    }

    /// Sends a change; returns what the panel answered with (compress
    /// describes the archive), else null.
    private func send(_ request: PanelRequest) throws -> Value {
        try session.writeReturningObject(request)
    }

    private static func list(_ value: Value) -> Value {
        if case .list = value { return value }
        return Value([value])
    }

    private static func names(_ value: Value) -> String {
        if case .list(let list) = value { return list.items.map(\.displayText).joined(separator: ", ") }
        return value.displayText
    }
}
