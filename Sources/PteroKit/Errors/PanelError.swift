import Foundation
import NIOHTTP1

/// The panel refused a request: what was asked, the status, and everything
/// the panel said about why, including each field's validation failure.
public struct PanelError: Error, Sendable, CustomStringConvertible {
    /// One entry of the panel's `errors` list.
    public struct Detail: Sendable, Equatable {
        public var code: String
        public var status: String
        public var detail: String
        /// `meta.source_field` of a 422 entry: `limits.memory`, `environment.X`.
        public var sourceField: String?
        /// `meta.rule` of a 422 entry: `required`, `max`, ... (null for after-hooks).
        public var rule: String?
    }

    public var method: HTTPMethod
    public var path: String
    public var status: Int
    public var details: [Detail]
    /// When the answer was not the panel's JSON (a proxy's HTML page, an
    /// empty body): its first bytes, so the cause can be seen.
    public var unparsedBody: String?
    /// `Retry-After` of a 429, in seconds.
    public var retryAfter: Int?

    public init(method: HTTPMethod, path: String, status: Int, details: [Detail] = [],
                unparsedBody: String? = nil, retryAfter: Int? = nil) {
        self.method = method
        self.path = path
        self.status = status
        self.details = details
        self.unparsedBody = unparsedBody
        self.retryAfter = retryAfter
    }

    /// Reads the panel's answer; never fails, whatever the body is.
    public init(request: PanelRequest, response: PanelResponse) {
        self.init(method: request.method, path: request.path, status: response.status,
                  retryAfter: response.header("retry-after").flatMap(HeaderNumber.seconds).map { Int($0.rounded(.up)) })
        if let parsed = Self.parseDetails(response.body) {
            details = parsed
        } else {
            unparsedBody = Self.preview(response.body, contentType: response.header("content-type"))
        }
    }

    /// The validation failures (422 entries that name a field).
    public var fieldErrors: [Detail] { details.filter { $0.sourceField != nil } }

    /// `PATCH /api/application/users/3: 422 Unprocessable Entity: The email must be ...`
    /// Whatever the panel wrote is shown with its control characters
    /// visible (`VisibleText`), so an answer cannot drive the terminal.
    public var description: String {
        var line = heading
        if let first = details.first {
            line += ": " + VisibleText.escaping(first.detail)
            if details.count > 1 { line += " (and \(details.count - 1) more)" }
        } else if let unparsedBody {
            line += ": " + VisibleText.escaping(unparsedBody)
        }
        return line
    }

    /// Every detail on its own line, fields named, for reports and the REPL.
    public var fullDescription: String {
        var lines = [heading]
        for detail in details {
            let text = VisibleText.escaping(detail.detail)
            var line = "  " + text
            if let field = detail.sourceField {
                line = "  \(VisibleText.escaping(field)): \(text)" + (detail.rule.map { " [\(VisibleText.escaping($0))]" } ?? "")
            } else if !detail.code.isEmpty {
                line += " (\(VisibleText.escaping(detail.code)))"
            }
            lines.append(line)
        }
        if details.isEmpty, let unparsedBody { lines.append("  " + VisibleText.escaping(unparsedBody)) }
        return lines.joined(separator: "\n")
    }

    /// `GET /path: 429 Too Many Requests (the panel asks to wait 3600 s)`.
    var heading: String {
        let wait = retryAfter.map { " (the panel asks to wait \($0) s)" } ?? ""
        return "\(method.rawValue) \(VisibleText.escaping(path)): \(status) \(Self.reason(for: status))" + (status == 429 ? wait : "")
    }

    static func parseDetails(_ body: Data) -> [Detail]? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let errors = object["errors"] as? [[String: Any]] else { return nil }
        return errors.map { entry in
            let meta = entry["meta"] as? [String: Any]
            return Detail(code: entry["code"] as? String ?? "",
                          status: (entry["status"] as? String) ?? (entry["status"] as? Int).map(String.init) ?? "",
                          detail: entry["detail"] as? String ?? "",
                          sourceField: meta?["source_field"] as? String,
                          rule: meta?["rule"] as? String)
        }
    }

    /// The first line's worth of a body that is not the panel's JSON.
    static func preview(_ body: Data, contentType: String?) -> String {
        guard !body.isEmpty else { return "(empty body)" }
        var text = String(decoding: body.prefix(200), as: UTF8.self)
        if contentType?.contains("html") == true || text.contains("<") {
            if let start = text.range(of: "<title>"), let end = text.range(of: "</title>"), start.upperBound <= end.lowerBound {
                text = String(text[start.upperBound..<end.lowerBound])
            }
        }
        let flat = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let kind = contentType.map { " (\(VisibleText.escaping($0)))" } ?? ""
        return "not the panel's JSON\(kind): " + (flat.count > 120 ? String(flat.prefix(120)) + "…" : flat)
    }

    /// The status's standard phrase (NIO's table, which has every registered code), or `HTTP N`.
    static func reason(for status: Int) -> String {
        let phrase = HTTPResponseStatus(statusCode: status).reasonPhrase
        return phrase.isEmpty ? "HTTP \(status)" : phrase
    }
}
