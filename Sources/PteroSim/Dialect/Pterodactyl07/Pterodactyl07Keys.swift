/// 0.7's keys: a 16-character random identifier with no prefix and a 32-character token,
/// 48 characters in all (`ApiKey::IDENTIFIER_LENGTH`/`KEY_LENGTH`, `app/Models/ApiKey.php@v0.7.19`);
/// `key_type` 1 is an account (client) key, 2 an application key with `r_*` permissions.
/// The `ptla_`/`ptlc_` prefixes came with v1.8.0.
enum Pterodactyl07Keys {
    /// Gives every seeded key an unprefixed identifier (the tokens given in the options keep theirs).
    static func unprefix(_ state: inout PanelState, keeping given: [String]) {
        for id in state.apiKeys.keys.sorted() {
            guard var key = state.apiKeys[id], !given.contains(key.token),
                  key.identifier.hasPrefix("ptla_") || key.identifier.hasPrefix("ptlc_") else { continue }
            state.apiKeyIdByIdentifier[key.identifier] = nil
            key.identifier = state.random.alphanumeric(5) + key.identifier.dropFirst(5)
            state.insertKey(key)
        }
    }
}
