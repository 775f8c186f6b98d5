import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import PteroSim

/// One answer from the sim, with its body decoded by the sim's own ordered JSON parser.
struct SimResult: Sendable {
    let status: Int
    let headers: HTTPFields
    let text: String

    var json: JSONValue { (try? JSONParser.parse(Array(text.utf8))) ?? .null }
    var attributes: JSONValue { json["attributes"] ?? .null }
    var data: [JSONValue] { json["data"]?.arrayValue ?? [] }
    var firstError: JSONValue { json["errors"]?.arrayValue?.first ?? .null }
    var errorCode: String? { firstError["code"]?.stringValue }
    var errorDetail: String? { firstError["detail"]?.stringValue }
    var errors: [JSONValue] { json["errors"]?.arrayValue ?? [] }

    func header(_ name: String) -> String? {
        HTTPFields.Element.Name(name).flatMap { headers[$0] }
    }
}

/// A sim driven in-process, with the admin keys at hand.
struct SimHarness: Sendable {
    let client: any TestClientProtocol
    let panel: SimulatedPanel

    var appKey: String { panel.applicationKey }
    var clientKey: String { panel.clientKey }

    func request(_ method: HTTPRequest.Method, _ uri: String, key: String?, json: String? = nil,
                 raw: [UInt8]? = nil, contentType: String? = nil) async throws -> SimResult {
        var headers: HTTPFields = [.accept: "application/json"]
        if let key { headers[.authorization] = "Bearer \(key)" }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = contentType ?? "application/json"
            body = ByteBuffer(string: json)
        } else if let raw {
            headers[.contentType] = contentType ?? "text/plain"
            body = ByteBuffer(bytes: raw)
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            SimResult(status: Int(response.status.code), headers: response.headers, text: String(buffer: response.body))
        }
    }

    func app(_ method: HTTPRequest.Method, _ uri: String, json: String? = nil) async throws -> SimResult {
        try await request(method, "/api/application" + uri, key: appKey, json: json)
    }

    func user(_ method: HTTPRequest.Method, _ uri: String, key: String? = nil, json: String? = nil) async throws -> SimResult {
        try await request(method, "/api/client" + uri, key: key ?? clientKey, json: json)
    }

    /// Reads the seeded state directly, to pick ids for a test.
    func state<T>(_ body: (PanelState) -> T) -> T { panel.store.withState { body($0) } }

    func mutate(_ body: (inout PanelState) -> Void) { panel.store.withState { body(&$0) } }

    /// The client key of a seeded user.
    func key(ofUser userId: Int) -> String {
        state { $0.sortedValues($0.apiKeys).first { $0.userId == userId && $0.kind == .client }!.token }
    }
}

extension SimulatorOptions {
    /// Small, fast, unthrottled: the default for conformance tests.
    static func testing(seed: UInt64 = 7) -> SimulatorOptions {
        var options = SimulatorOptions()
        options.seed = seed
        options.rateLimits = .off
        options.timing = .fast
        return options
    }
}

func withSim(_ options: SimulatorOptions = .testing(), _ body: @Sendable (SimHarness) async throws -> Void) async throws {
    let panel = SimulatedPanel(options: options)
    try await panel.makeApplication().test(.router) { client in
        try await body(SimHarness(client: client, panel: panel))
    }
}

/// Keys of an object in order, for key-order assertions.
func keys(_ value: JSONValue?) -> [String] { value?.objectValue?.map(\.0) ?? [] }

extension SimHarness {
    /// A normal-state server and its owner's client key (owner is not an admin).
    func ownedServer(_ extra: @escaping (Server) -> Bool = { _ in true }) -> (server: Server, key: String) {
        let server = state { state in
            state.sortedValues(state.servers).first {
                $0.status == nil && $0.ownerId > 2 && extra($0)
            }!
        }
        return (server, key(ofUser: server.ownerId))
    }

    /// Adds a subuser with `permissions` to a server and returns that user's key.
    func subuserKey(on serverId: Int, permissions: [String]) -> String {
        let userId = state { state in
            let server = state.servers[serverId]!
            let busy = Set(state.subusers.values.filter { $0.serverId == serverId }.map(\.userId))
            return state.users.keys.sorted().first { $0 > 2 && $0 != server.ownerId && !busy.contains($0) }!
        }
        mutate { state in
            let id = state.nextId("subusers")
            state.subusers[id] = Subuser(id: id, userId: userId, serverId: serverId, permissions: permissions, createdAt: 0, updatedAt: 0)
        }
        return key(ofUser: userId)
    }
}
