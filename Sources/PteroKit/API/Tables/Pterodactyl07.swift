/// Pterodactyl 0.7 (v0.7.19): the application API of 1.x without what
/// came later, and a client API of five routes.
///
/// From the panel's `routes/api-application.php` at v0.7.19 (41 routes:
/// no `nodes/deployable`, no `nodes/{node}/configuration`, and
/// `servers/{server}/rebuild`, which 1.0 removed) and `routes/api-client.php`
/// (`/`, `servers/{server}`, `servers/{server}/utilization`, `command`,
/// `power`). Its list endpoints take `?search=`, not `filter[...]`
/// (app/Http/Controllers/Api/Application/*/...Controller.php `index`), so
/// no row here has filters: every condition is checked on the items read.
/// The rows it shares with 1.x are 1.x's own, so a field is written once.
extension APITable {
    public static let pterodactyl07 = APITable(dialect: .pterodactyl07, endpoints:
        pterodactyl1.endpoints.filter { $0.api == .application && !newerThan07.contains($0.id) }.map(\.withoutFilters)
        + [
            APIEndpoint(.application, .post, "/api/application/servers/{server}/rebuild", "servers.rebuild", "204",
                        swift: "rebuildServer(id:)", offer: .method("server", "rebuild"),
                        summary: "Rebuilds the server's container on its node (Pterodactyl 0.7 only)."),
            APIEndpoint(.client, .get, "/api/client", "client.servers.list", "list<server>+pagination", swift: "clientServers(_:type:)",
                        offer: .collection("client.servers")),
            APIEndpoint(.client, .get, "/api/client/servers/{server}", "server.view", "server", swift: "clientServer(_:include:)"),
            APIEndpoint(.client, .get, "/api/client/servers/{server}/utilization", "server.utilization", "stats",
                        swift: "serverUtilization(server:)"),
        ]
        + pterodactyl1.endpoints.filter { ["server.command", "server.power"].contains($0.id) })

    /// The 1.x application rows 0.7 has not got.
    static let newerThan07: Set<String> = ["nodes.deployable", "nodes.configuration"]
}

extension APIEndpoint {
    /// This row without `filter[...]` names (a dialect that has none).
    var withoutFilters: APIEndpoint {
        APIEndpoint(api, method, path, id, answer, swift: swiftName, offer: offer, body: body, required: required,
                    defaults: defaults, strategy: strategy, destructive: isDestructive, summary: summary)
    }
}
