/// An error answer rendered as the panel's `{"errors":[...]}` body, so every failure
/// path (auth, validation, business rules) shares one faithful serialization.
struct PanelError: Error, Sendable {
    /// One `errors[]` entry; validation entries also carry `meta.source_field`/`meta.rule`.
    struct Entry: Sendable {
        var code: String
        var detail: String
        var sourceField: String?
        var rule: String??
    }

    var status: Int
    var entries: [Entry]
    var headers: [(String, String)] = []

    init(status: Int, code: String, detail: String, headers: [(String, String)] = []) {
        self.status = status
        self.entries = [Entry(code: code, detail: detail, sourceField: nil, rule: nil)]
        self.headers = headers
    }

    init(validation entries: [Entry]) {
        self.status = 422
        self.entries = entries
    }

    var body: JSONValue {
        .object([("errors", .array(entries.map { entry in
            var pairs: [(String, JSONValue)] = [
                ("code", .string(entry.code)),
                ("status", .string(String(status))),
                ("detail", .string(entry.detail)),
            ]
            if let field = entry.sourceField {
                let rule: JSONValue = entry.rule.flatMap { $0.map { JSONValue.string($0) } } ?? .null
                pairs.append(("meta", .object([("source_field", .string(field)), ("rule", rule)])))
            }
            return .object(pairs)
        }))])
    }
}
