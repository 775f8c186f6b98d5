/// A token the panel signs for its node, as `NodeJWTService::handle` builds it: the same
/// claims in the same order, and the `jti` in the header too.
///
/// Pterodactyl 1.11 (app/Services/Nodes/NodeJWTService.php): `jti` is the md5 of the user's
/// id and the server's uuid, `aud` the node's address (an array: the builder is given
/// `TimestampDates` alone, so no `UnifyAudience`), `nbf` five minutes back, then the
/// caller's claims, `user_uuid`, the deprecated `user_id`, and a 16-character `unique_id`.
/// Pelican (pelican-dev/panel's NodeJWTService.php): a sha256 `jti`, no `user_id`, and a
/// `scope` (app/Enums/NodeJwtScope.php) before `unique_id`; the sim sets the scope with
/// Pelican's console flavour, which can be chosen apart from the panel's dialect.
struct NodeToken {
    /// What the token is for: Pelican's scope names.
    enum Scope: String {
        case websocket
        case fileDownload = "file-download"
        case fileUpload = "file-upload"
        case backupDownload = "backup-download"
    }

    let scope: Scope
    let lifetimeSeconds: Int
    let claims: [(String, JSONValue)]

    /// The signed token for `user` on `server`'s node.
    func signed(for user: User, server: Server, in state: inout PanelState, baseURL: String, now: Int) -> String {
        let node = state.nodes[server.nodeId]
        let pelican = state.dialect == .pelican
        let identifiedBy = Array("\(user.id)\(server.uuid)".utf8)
        let identifier = pelican ? Hex.encode(SHA256.digest(identifiedBy)) : MD5.hex(identifiedBy)
        let address = node.map { "\($0.scheme)://\($0.fqdn):\($0.daemonListen)" } ?? baseURL
        var payload: [(String, JSONValue)] = [
            ("iss", .string(baseURL)), ("aud", .array([.string(address)])), ("jti", .string(identifier)),
            ("iat", .int(now)), ("nbf", .int(now - 300)), ("exp", .int(now + lifetimeSeconds)),
        ]
        payload += claims
        payload.append(("user_uuid", .string(user.uuid)))
        if !pelican { payload.append(("user_id", .int(user.id))) }
        // The scope goes with the console flavour (`--console-flavor`): Pelican's Wings wants it.
        if state.consoleFlavor == .pelican { payload.append(("scope", .string(scope.rawValue))) }
        payload.append(("unique_id", .string(state.random.alphanumeric(16))))
        return JWT.sign(.object(payload), key: node?.daemonToken ?? "sim", headers: [("jti", .string(identifier))])
    }
}
