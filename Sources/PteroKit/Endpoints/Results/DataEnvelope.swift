/// The hand-built `{"data": {...}}` answers (two-factor setup, websocket).
struct DataEnvelope<Content: Decodable & Sendable>: Decodable, Sendable {
    var data: Content
}
