import Foundation

/// SSH keys: OpenSSH public keys checked and fingerprinted (SHA-256) like the panel.
enum SSHKeyRoutes {
    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let transformer = input.clientTransformer
        return .json(Envelope.list(state.sortedValues(state.sshKeys).filter { $0.userId == input.user.id }.map(transformer.sshKey)))
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try Validator.validate(input.body, [
            FieldRules("name", [.required, .string]),
            FieldRules("public_key", [.required, .string]),
        ])
        let text = input.string("public_key")!
        func invalid(_ detail: String) -> PanelError {
            PanelError(validation: [PanelError.Entry(code: "ValidationException", detail: detail, sourceField: "public_key", rule: .some(nil))])
        }
        let parts = text.split(separator: " ")
        guard parts.count >= 2, let blob = Data(base64Encoded: String(parts[1])) else { throw invalid("The public key provided is not valid.") }
        if parts[0] == "ssh-dss" { throw invalid("DSA keys are not supported.") }
        guard ["ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"].contains(String(parts[0])) else {
            throw invalid("The public key provided is not valid.")
        }
        if parts[0] == "ssh-rsa", blob.count < 256 { throw invalid("RSA keys must be at least 2048 bytes in length.") }
        let fingerprint = "SHA256:" + Data(SHA256.digest(Array(blob))).base64EncodedString().replacingOccurrences(of: "=", with: "")
        if state.sshKeys.values.contains(where: { $0.userId == input.user.id && $0.fingerprint == fingerprint }) {
            throw invalid("The public key provided already exists on your account.")
        }
        let id = state.nextId("ssh_keys")
        let key = SSHKey(id: id, userId: input.user.id, name: input.string("name")!, fingerprint: fingerprint, publicKey: text, createdAt: input.nowSeconds)
        state.sshKeys[id] = key
        state.log("user:ssh-key.create", input: input, properties: [("fingerprint", .string(fingerprint))])
        return .json(input.clientTransformer.sshKey(key))
    }

    static func remove(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try Validator.validate(input.body, [FieldRules("fingerprint", [.required, .string])])
        let fingerprint = input.string("fingerprint")!
        for key in state.sshKeys.values where key.userId == input.user.id && key.fingerprint == fingerprint {
            state.sshKeys[key.id] = nil
        }
        return .noContent
    }
}
