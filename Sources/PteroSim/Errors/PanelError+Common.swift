import Foundation

/// The panel's recurring error answers, named so route code reads like the panel's own.
extension PanelError {
    static let unauthenticated = PanelError(status: 401, code: "AuthenticationException", detail: "Unauthenticated.")
    static let unauthorized = PanelError(status: 403, code: "AccessDeniedHttpException", detail: "This action is unauthorized.")
    static let notAdmin = PanelError(
        status: 403, code: "AccessDeniedHttpException",
        detail: "This account does not have permission to access the API.")
    static let applicationKeyOnClient = PanelError(
        status: 403, code: "AccessDeniedHttpException",
        detail: "You are attempting to use an application API key on an endpoint that requires a client API key.")
    static let notFound = PanelError(
        status: 404, code: "NotFoundHttpException",
        detail: "The requested resource could not be found on the server.")
    static let serverNotFound = PanelError(
        status: 404, code: "NotFoundHttpException",
        detail: "The requested resource does not exist on this server.")
    static let internalError = PanelError(
        status: 500, code: "HttpException",
        detail: "An unexpected error was encountered while processing this request, please try again.")

    /// An exception with no status of its own (a plain `PanelException` or `Exception`): the
    /// handler answers 500 under the exception's class name, its message hidden outside debug
    /// mode (app/Exceptions/Handler.php `exceptionToArray`).
    static func unexpected(_ exceptionClass: String) -> PanelError {
        PanelError(status: 500, code: exceptionClass, detail: internalError.entries[0].detail)
    }

    static func routeNotFound(_ path: String) -> PanelError {
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return PanelError(status: 404, code: "NotFoundHttpException", detail: "The route \(trimmed) could not be found.")
    }

    /// Laravel 10's `AbstractRouteCollection::requestMethodNotAllowed` (panel v1.11.8 pins
    /// laravel/framework v10.1.4; Pelican's v13 says the same): the path without its
    /// leading slash, as `Request::path()` gives it.
    static func methodNotAllowed(method: String, path: String, allowed: [String]) -> PanelError {
        let trimmed = path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return PanelError(
            status: 405, code: "MethodNotAllowedHttpException",
            detail: "The \(method) method is not supported for route \(trimmed.isEmpty ? "/" : trimmed). Supported methods: \(allowed.joined(separator: ", ")).",
            headers: [("Allow", allowed.joined(separator: ", "))])
    }

    static func display(_ detail: String, code: String = "DisplayException") -> PanelError {
        PanelError(status: 400, code: code, detail: detail)
    }

    static func badRequest(_ detail: String) -> PanelError {
        PanelError(status: 400, code: "BadRequestHttpException", detail: detail)
    }

    static func forbidden(_ detail: String, code: String = "HttpForbiddenException") -> PanelError {
        PanelError(status: 403, code: code, detail: detail)
    }

    static func conflict(_ detail: String, code: String = "ServerStateConflictException") -> PanelError {
        PanelError(status: 409, code: code, detail: detail)
    }

    static func malformedJSON(_ message: String) -> PanelError {
        badRequest("The JSON data passed in the request appears to be malformed: \(message)")
    }
}
