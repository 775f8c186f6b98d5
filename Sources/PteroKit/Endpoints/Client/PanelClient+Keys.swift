/// API keys and SSH keys of the caller's account.
extension PanelClient {
    public func apiKeys() async throws -> [ApiKey] {
        try await list("\(Self.accountPath)/api-keys")
    }

    /// Creates a client key; the secret is in the answer and nowhere else.
    public func createApiKey(description: String, allowedIps: [String] = []) async throws -> CreatedApiKey {
        struct Body: Encodable, Sendable {
            var description: String
            var allowedIps: [String]
            enum CodingKeys: String, CodingKey {
                case description
                case allowedIps = "allowed_ips"
            }
        }
        let answer: FractalItem<ApiKey> = try await envelope(.post, "\(Self.accountPath)/api-keys",
                                                             body: Body(description: description, allowedIps: allowedIps))
        guard let secret = answer.meta?.secretToken else {
            throw PanelError(method: .post, path: "\(Self.accountPath)/api-keys", status: 200,
                             unparsedBody: "the answer has no meta.secret_token")
        }
        return CreatedApiKey(key: answer.attributes, secretToken: secret)
    }

    public func deleteApiKey(identifier: String) async throws {
        try await perform(.delete, "\(Self.accountPath)/api-keys/\(segment(identifier))")
    }

    public func sshKeys() async throws -> [SSHKey] {
        try await list("\(Self.accountPath)/ssh-keys")
    }

    public func createSSHKey(name: String, publicKey: String) async throws -> SSHKey {
        try await item(.post, "\(Self.accountPath)/ssh-keys", body: ["name": name, "public_key": publicKey])
    }

    /// Succeeds even when no key has that fingerprint.
    public func deleteSSHKey(fingerprint: String) async throws {
        try await perform(.post, "\(Self.accountPath)/ssh-keys/remove", body: ["fingerprint": fingerprint])
    }
}
