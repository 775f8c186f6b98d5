import PteroKit
import PteroLang

/// `client`: the client API's own listings, as the client key's user
/// sees them (`client.servers`: the servers they own or are a subuser of;
/// `client.all_servers`: every server, for a root admin).
final class ClientAPI: HostValue {
    let session: PanelSession

    init(session: PanelSession) { self.session = session }

    var typeName: String { "Client" }
    var displayText: String { "client" }
    /// Its members, also for `ptero check`, which has no panel.
    static let names = ["servers", "all_servers", "permissions"]
    var memberNames: [String] { Self.names }

    func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        let dialect = session.dialect
        switch name {
        case "servers", "all_servers":
            guard let source = name == "servers" ? CollectionSource.clientServers(in: dialect) : CollectionSource.clientAllServers(in: dialect) else {
                throw DialectAbsence.error("client.\(name)", in: dialect, has: PanelDialect.allCases.filter { CollectionSource.clientServers(in: $0) != nil },
                                           plural: true)
            }
            return .host(PanelQuery(session: session, source: source))
        case "permissions":
            guard let row = session.table.endpoint("permissions") else {
                throw DialectAbsence.error("client.permissions", in: dialect, has: PanelDialect.allCases.filter { $0.table.endpoint("permissions") != nil },
                                           plural: true)
            }
            return try session.read(PanelRequest(row.method, row.path))
        default: return nil
        }
    }
}

/// `account`: the client key's user, read when a field is asked (once per
/// statement), with its API keys and the account's writes.
final class Account: HostValue {
    let session: PanelSession

    init(session: PanelSession) { self.session = session }

    var typeName: String { "Account" }
    var displayText: String { "account" }
    /// The account's fields on a dialect: Pterodactyl 1.x's client
    /// UserTransformer (app/Transformers/Api/Client/AccountTransformer.php),
    /// or Pelican's, which has no id and no names
    /// (pelican-dev/panel app/Transformers/Api/Client/UserTransformer.php).
    static func fields(in dialect: PanelDialect) -> [String] {
        dialect == .pelican
            ? ["uuid", "admin", "root_admin", "username", "email", "language", "2fa_enabled", "created_at", "updated_at"]
            : ["id", "admin", "username", "email", "first_name", "last_name", "language"]
    }

    static let collections = ["api_keys", "ssh_keys", "activity", "two_factor_setup"]

    /// Its members on `dialect`'s panel.
    static func names(in dialect: PanelDialect) -> [String] {
        fields(in: dialect) + collections + dialect.table.methodNames(of: "account")
    }

    /// Every member any dialect has, for `ptero check`, which has no panel.
    static let names = Array(Set(PanelDialect.allCases.flatMap(names(in:)))).sorted()
    var memberNames: [String] { Self.names(in: session.dialect) }

    func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        try refuseWhereAbsent()
        switch name {
        case "api_keys": return .host(PanelQuery(session: session, source: CollectionSource.apiKeys))
        case "ssh_keys": return .host(PanelQuery(session: session, source: CollectionSource.sshKeys))
        case "activity": return .host(PanelQuery(session: session, source: CollectionSource.activity))
        default:
            return try user(interpreter).member(name, interpreter: interpreter)
        }
    }

    /// 0.7's client API has no account: every use says so in one sentence.
    private func refuseWhereAbsent() throws {
        if let absent = DialectAbsence.lacks("account", in: session.dialect, plural: false, where: { $0.table.endpoint("account.view") != nil }) {
            throw absent
        }
    }

    func callMethod(_ name: String, arguments: inout Arguments, interpreter: Interpreter) throws -> Value? {
        try refuseWhereAbsent()
        if name == "two_factor_setup" {
            // The secret to put in an authenticator app, then enable_two_factor(code:, password:).
            try arguments.expect(0...0)
            guard case .map(let answer) = try session.read(PanelRequest(.get, "/api/client/account/two-factor")) else { return .null }
            return answer.value(forName: "data") ?? .null
        }
        // The account's writes are the API table's rows offered on `account`.
        guard let row = session.table.methods(name, of: "account").first else { return nil }
        let bound = try BoundArguments(arguments, callee: "account.\(name)", parameters: row.labels, required: row.required)
        // Enabling two-factor answers with the recovery tokens, which only this answer ever shows.
        return try session.writeAnswer(PanelRequest(row.method, row.path, body: .json(try JSONBody.encode(bound.body())))) ?? .null
    }

    func plainValue(interpreter: Interpreter) throws -> Value? {
        try refuseWhereAbsent()
        return try user(interpreter).plainValue(interpreter: interpreter)
    }

    private func user(_ interpreter: Interpreter) throws -> Resource {
        let envelope = try session.readOncePerStatement("/api/client/account", interpreter: interpreter)
        guard case .host(let user as Resource)? = Resource.fromEnvelope(envelope, session: session) else {
            throw RuntimeError("the panel's answer to /api/client/account is not a user")
        }
        return user
    }
}
