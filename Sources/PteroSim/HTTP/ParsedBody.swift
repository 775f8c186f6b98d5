/// A request's JSON body, parsed before the store's lock is taken: a large body then holds
/// up only its own request, never every client's.
enum ParsedBody: Sendable {
    /// Not JSON (by content type or first byte) or empty: routes see `{}`.
    case none
    case value(JSONValue)
    /// PHP's `json_last_error_msg` text, for the panel's 400.
    case malformed(String)

    /// The panel's IsValidJson + TrimStrings + ConvertEmptyStringsToNull.
    init(_ request: IncomingRequest) {
        let isJSON = request.contentType?.lowercased().contains("json") ?? false
        let looksJSON = request.contentType == nil && [UInt8(ascii: "{"), UInt8(ascii: "[")].contains(request.body.first ?? 0)
        guard isJSON || looksJSON, !request.body.isEmpty else { self = .none; return }
        do {
            self = .value(BodyNormalizer.normalize(try JSONParser.parse(request.body)))
        } catch {
            self = .malformed(error.message)
        }
    }
}
