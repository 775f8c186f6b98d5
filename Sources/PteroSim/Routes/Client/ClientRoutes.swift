/// The 69 endpoints of `/api/client`.
enum ClientRoutes {
    static let server = "/api/client/servers/{server}"

    static var all: [Route] {
        AccountRoutes.routes + ApiKeyRoutes.routes + ServerCoreRoutes.routes + ClientDatabaseRoutes.routes
            + FileRoutes.routes + ScheduleRoutes.routes + NetworkRoutes.routes + SubuserRoutes.routes
            + BackupRoutes.routes + StartupRoutes.routes
    }

    /// Shorthand for a `/api/client/servers/{server}/…` route checked for access and state.
    static func onServer(_ method: String, _ suffix: String, allowConflict: Bool = false, _ handler: @escaping Route.Handler) -> Route {
        Route(method, server + suffix, .clientServer(allowConflictStates: allowConflict), handler)
    }
}
