import Foundation

/// SSH keys: OpenSSH public keys checked, fingerprinted (SHA-256) and stored as PKCS8 like the panel.
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
        // StoreSSHKeyRequest.php's after-hook, in its order: loads, not DSA, RSA of 2048 bits, not already there.
        guard let key = SSHPublicKey(openSSH: text) else { throw invalid("The public key provided is not valid.") }
        if key.kind == .dsa { throw invalid("DSA keys are not supported.") }
        if let bits = key.rsaBits, bits < 2048 { throw invalid("RSA keys must be at least 2048 bytes in length.") }
        let fingerprint = key.fingerprint
        if state.sshKeys.values.contains(where: { $0.userId == input.user.id && $0.fingerprint == fingerprint }) {
            throw invalid("The public key provided already exists on your account.")
        }
        let id = state.nextId("ssh_keys")
        let stored = SSHKey(id: id, userId: input.user.id, name: input.string("name")!, fingerprint: fingerprint, publicKey: key.pkcs8 ?? text, createdAt: input.nowSeconds)
        state.sshKeys[id] = stored
        state.log("user:ssh-key.create", input: input, properties: [("fingerprint", .string(fingerprint))])
        return .json(input.clientTransformer.sshKey(stored))
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
