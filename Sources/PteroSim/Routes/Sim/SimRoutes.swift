/// The sim's own endpoints (`/_sim/stats`, `/_sim/reset`), outside both panel APIs.
enum SimRoutes {
    static func handle(method: String, path: String, store: PanelStore) -> SimResponse {
        switch (method, path) {
        case ("GET", "/_sim/stats"):
            return .json(store.withState { $0.stats.json })
        case ("POST", "/_sim/reset"):
            store.reset()
            return .noContent
        default:
            return .error(.routeNotFound(path))
        }
    }
}
