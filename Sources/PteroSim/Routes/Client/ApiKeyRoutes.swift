import Foundation

/// Account API keys and SSH keys.
enum ApiKeyRoutes {
    static let base = "/api/client/account"

    static var routes: [Route] {
        [
            Route("GET", base + "/api-keys", .client, list),
            Route("POST", base + "/api-keys", .client, create),
            Route("DELETE", base + "/api-keys/{identifier}", .client, delete),
            Route("GET", base + "/ssh-keys", .client, SSHKeyRoutes.list),
            Route("POST", base + "/ssh-keys", .client, SSHKeyRoutes.create),
            Route("POST", base + "/ssh-keys/remove", .client, SSHKeyRoutes.remove),
        ]
    }

    static func keys(of user: User, _ state: PanelState) -> [ApiKey] {
        state.sortedValues(state.apiKeys).filter { $0.userId == user.id && $0.kind == .client }
    }

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let transformer = input.clientTransformer
        return .json(Envelope.list(keys(of: input.user, state).map(transformer.apiKey)))
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var failures = Validator.failures(input.body, [
            FieldRules("description", [.required, .nullable, .string, .max(500)]),
            // StoreApiKeyRequest.php: ApiKey.php's `nullable|array` plus `max:50`.
            FieldRules("allowed_ips", [.nullable, .array, .max(50)]),
            FieldRules("allowed_ips.*", [.string]),
        ])
        let ips = (input.body["allowed_ips"]?.arrayValue ?? [])
        if failures.isEmpty {
            for (index, value) in ips.enumerated() {
                let text = value.stringValue ?? ""
                if !IPAddress.isValidRange(text) {
                    failures.append(PanelError.Entry(
                        code: "ValidationException", detail: "\"\(text)\" is not a valid IP address or CIDR range.",
                        sourceField: "allowed_ips.\(index)", rule: .some(nil)))
                }
            }
        }
        if !failures.isEmpty { throw PanelError(validation: failures) }
        if keys(of: input.user, state).count >= 25 {
            throw PanelError.display("You have reached the account limit for number of API keys.")
        }
        let id = state.nextId("api_keys")
        let key = ApiKey(
            id: id, userId: input.user.id, kind: .client, identifier: state.clientKeyPrefix + state.random.alphanumeric(11),
            secret: state.random.alphanumeric(32), description: input.string("description") ?? "",
            allowedIps: ips.compactMap(\.stringValue), permissions: [:], lastUsedAt: nil, createdAt: input.nowSeconds)
        state.insertKey(key)
        state.log("user:api-key.create", input: input, properties: [("identifier", .string(key.identifier))])
        return .json(Envelope.withMeta(input.clientTransformer.apiKey(key), [("secret_token", .string(key.secret))]))
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let identifier = input.parameter("identifier")
        guard let key = keys(of: input.user, state).first(where: { $0.identifier == identifier }) else { throw PanelError.notFound }
        state.apiKeys[key.id] = nil
        state.log("user:api-key.delete", input: input, properties: [("identifier", .string(identifier))])
        return .noContent
    }
}
