/// Signed URLs point back at the sim itself, so downloads and uploads really work.
extension PanelState {
    mutating func signedURL(_ input: RouteInput, path: String, purpose: SignedToken.Purpose) -> String {
        let token = JWT.sign(.object([
            ("jti", .string(random.alphanumeric(24))),
            ("server_uuid", .string(servers[input.serverId]?.uuid ?? "")),
            ("iat", .int(input.nowSeconds)),
            ("exp", .int(input.nowSeconds + 900)),
        ]), key: nodes[servers[input.serverId]?.nodeId ?? 0]?.daemonToken ?? "sim")
        signedTokens[token] = SignedToken(serverId: input.serverId, purpose: purpose, expiresAt: input.now + 900)
        return "\(input.baseURL)\(path)?token=\(token)"
    }
}
