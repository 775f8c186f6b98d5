/// The routes of pelican-dev/panel at 235c8fb (`routes/api-application.php`,
/// `routes/api-client.php`, 145 in all, `Tests/Fixtures/pelican-routes.tsv`) that the sim
/// serves, all of them: 1.x's handlers where Pelican answers the same, Pelican's own where it
/// differs. Every other path is 404, as for a route the panel has not got.
enum PelicanRoutes {
    /// 1.x routes Pelican has not got: locations and nests (removed in 2024,
    /// `remove_locations_table`/`remove_nests_table` migrations) and two-factor setup.
    static let notInPelican: Set<String> = [
        "GET /api/application/locations", "GET /api/application/locations/{location}", "POST /api/application/locations",
        "PATCH /api/application/locations/{location}", "DELETE /api/application/locations/{location}",
        "GET /api/application/nests", "GET /api/application/nests/{nest}", "GET /api/application/nests/{nest}/eggs",
        "GET /api/application/nests/{nest}/eggs/{egg}",
        "GET /api/client/account/two-factor", "POST /api/client/account/two-factor", "POST /api/client/account/two-factor/disable",
        "POST /api/client/account/ssh-keys/remove",
    ]

    static var all: [Route] {
        let own: [String: Route.Handler] = [
            "GET /api/application/servers": PelicanLists.servers,
            "GET /api/application/nodes": PelicanLists.nodes,
            "POST /api/application/users": PelicanUserRoutes.create,
            "PATCH /api/application/users/{user}": PelicanUserRoutes.update,
            "DELETE /api/application/users/{user}": PelicanUserRoutes.delete,
            "GET /api/application/nodes/deployable": PelicanDeployment.deployable,
            "POST /api/application/nodes": PelicanNodeRoutes.create,
            "PATCH /api/application/nodes/{node}": PelicanNodeRoutes.update,
            "GET /api/application/nodes/{node}/configuration": PelicanNodeRoutes.configuration,
            "POST /api/application/servers": PelicanServerCreate.create,
            "PATCH /api/application/servers/{server}/build": PelicanServerBuild.build,
            "PATCH /api/application/servers/{server}/details": PelicanServerUpdate.details,
            "PATCH /api/application/servers/{server}/startup": PelicanServerUpdate.startup,
            "GET /api/client/permissions": PelicanSubuserPermissions.list,
            // Only the per-server FilePull limit (PelicanResourceLimits), not 1.x's per-user throttle.
            "POST /api/client/servers/{server}/files/pull": { input, state in
                try input.access.require("file.create")
                return try FileArchiveRoutes.fetch(input, &state)
            },
        ]
        let pelicanClient = PelicanClientRoutes.routes
        let replaced = Set(pelicanClient.map(\.name))
        let shared = (ApplicationRoutes.all + ClientRoutes.all)
            .filter { !notInPelican.contains($0.name) && !replaced.contains($0.name) }
            .map { route in own[route.name].map { Route(route.method, route.pattern, route.api, $0) } ?? route }
            .map { route in
                PelicanResourceLimits.byRoute[route.name].map { Route(route.method, route.pattern, route.api, PelicanResourceLimits.limited($0, route.handler)) } ?? route
            }
        let users = [
            Route("PATCH", UserRoutes.base + "/{user}/roles/assign", .application(.users)) { try PelicanUserRoutes.changeRoles($0, &$1, assign: true) },
            Route("PATCH", UserRoutes.base + "/{user}/roles/remove", .application(.users)) { try PelicanUserRoutes.changeRoles($0, &$1, assign: false) },
        ]
        return shared + users + PelicanTransferRoutes.routes + PelicanEggRoutes.routes + PelicanDatabaseHostRoutes.routes
            + PelicanMountRoutes.routes + PelicanRoleRoutes.routes + PelicanPluginRoutes.routes + pelicanClient
    }
}
