/// Account two-factor setup: a real TOTP secret, verified against real codes.
enum TwoFactorRoutes {
    static func setup(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        guard !input.user.twoFactorEnabled else { throw PanelError.badRequest("Two-factor authentication is already enabled on this account.") }
        let secret = TOTP.secret(using: &state.random)
        state.users[input.user.id]?.pendingTotpSecret = secret
        let email = QueryParameters.encode(input.user.email)
        return .json(.object([("data", .object([
            ("image_url_data", .string("otpauth://totp/Pterodactyl:\(email)?secret=\(secret)&issuer=Pterodactyl")),
            ("secret", .string(secret)),
        ]))]))
    }

    static func enable(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try Validator.validate(input.body, [
            FieldRules("code", [.required, .string, .size(6)]),
            FieldRules("password", [.required, .string]),
        ])
        guard input.string("password") == input.user.password else { throw PanelError.badRequest("The password provided was not valid.") }
        guard let secret = input.user.pendingTotpSecret, TOTP.verify(input.string("code")!, secret: secret, now: input.nowSeconds) else {
            throw PanelError.display("The provided two-factor authentication token was not valid.", code: "TwoFactorAuthenticationTokenInvalid")
        }
        state.users[input.user.id]?.twoFactorEnabled = true
        state.log("user:two-factor.create", input: input)
        let tokens: [JSONValue] = (0..<10).map { _ in .string(state.random.alphanumeric(10)) }
        return .json(Envelope.item("recovery_tokens", [("tokens", .array(tokens))]))
    }

    static func disable(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        guard input.string("password") == input.user.password else { throw PanelError.badRequest("The password provided was not valid.") }
        // app/Http/Controllers/Api/Client/TwoFactorController.php delete: `totp_authenticated_at` becomes now.
        state.users[input.user.id]?.twoFactorEnabled = false
        state.users[input.user.id]?.totpAuthenticatedAt = input.nowSeconds
        state.users[input.user.id]?.pendingTotpSecret = nil
        state.log("user:two-factor.delete", input: input)
        return .noContent
    }
}
