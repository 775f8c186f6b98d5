/// Errors as `app/Exceptions/Handler.php@v0.7.19` renders them with `APP_DEBUG` off:
/// validation as `{"errors":[{"code":RULE,"detail":…,"source":{"field":…}}]}` (`invalidJson`,
/// no `status`), everything else as the exception's class, its status as a string and the
/// one generic detail (`convertToArray`), whatever the exception's message was.
enum Pterodactyl07Errors {
    static let genericDetail = "An error was encountered while processing this request."

    static func body(_ error: PanelError) -> JSONValue {
        if error.status == 422 && error.entries.contains(where: { $0.sourceField != nil }) {
            return .object([("errors", .array(error.entries.map { entry in
                let rule = entry.rule.flatMap { $0 } ?? "invalid"
                return .object([
                    // Pterodactyl's own rules are `pterodactyl_rules_*` → `p_*` in 0.7.
                    ("code", .string(rule)),
                    ("detail", .string(entry.detail)),
                    ("source", .object([("field", .string(entry.sourceField ?? ""))])),
                ])
            }))])
        }
        let code = error.entries.first?.code ?? "HttpException"
        return .object([("errors", .array([.object([
            ("code", .string(code)),
            ("status", .string(String(error.status))),
            ("detail", .string(genericDetail)),
        ])]))])
    }

    static func response(_ error: PanelError) -> SimResponse {
        var response = SimResponse.json(body(error), status: error.status)
        response.headers = error.headers
        return response
    }
}
