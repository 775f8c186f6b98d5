/// API keys and SSH keys of the caller's account.
extension PanelClient {
    public func apiKeys() async throws -> [ApiKey] {
        try await list("account.api_keys.list")
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
        let answer: FractalItem<ApiKey> = try await envelope("account.api_keys.create",
                                                             body: Body(description: description, allowedIps: allowedIps))
        guard let secret = answer.meta?.secretToken else {
            let row = try endpoint("account.api_keys.create")
            throw PanelError(method: row.method, path: row.path, status: 200,
                             unparsedBody: "the answer has no meta.secret_token")
        }
        return CreatedApiKey(key: answer.attributes, secretToken: secret)
    }

    public func deleteApiKey(identifier: String) async throws {
        try await perform("account.api_keys.delete", identifier)
    }

    public func sshKeys() async throws -> [SSHKey] {
        try await list("account.ssh_keys.list")
    }

    public func createSSHKey(name: String, publicKey: String) async throws -> SSHKey {
        try await item("account.ssh_keys.create", body: ["name": name, "public_key": publicKey])
    }

    /// Succeeds even when no key has that fingerprint.
    public func deleteSSHKey(fingerprint: String) async throws {
        try await perform("account.ssh_keys.delete", body: ["fingerprint": fingerprint])
    }
}
