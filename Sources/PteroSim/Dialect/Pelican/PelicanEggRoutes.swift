/// Pelican's top-level eggs (there are no nests): `GET eggs` answers `Egg::all()` as one
/// unpaginated list (app/Http/Controllers/Api/Application/Eggs/EggController.php); export
/// and import are `PelicanEggSharing`'s.
enum PelicanEggRoutes {
    static let base = "/api/application/eggs"

    static var routes: [Route] {
        [
            Route("GET", base, .application(.eggs), list),
            Route("GET", base + "/{egg}", .application(.eggs), view),
            Route("GET", base + "/{egg}/export", .application(.eggs), PelicanEggSharing.export),
            Route("POST", base + "/import", .application(.eggs), PelicanEggSharing.importEgg),
            Route("DELETE", base + "/{egg}", .application(.eggs), delete),
            Route("DELETE", base + "/uuid/{egg}", .application(.eggs), deleteByUUID),
        ]
    }

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let transformer = input.applicationTransformer
        return .json(Envelope.list(state.sortedValues(state.eggs).map { transformer.egg($0, in: state) }))
    }

    static func find(_ input: RouteInput, _ state: PanelState) throws -> Egg {
        guard let egg = state.eggs[try input.id("egg")] else { throw PanelError.notFound }
        return egg
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        .json(input.applicationTransformer.egg(try find(input, state), in: state))
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try remove(try find(input, state), &state)
    }

    /// `eggs/uuid/{egg}` binds the egg by its uuid (routes/api-application.php).
    static func deleteByUUID(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let uuid = input.parameter("egg")
        guard let egg = state.eggs.values.first(where: { $0.uuid == uuid }) else { throw PanelError.notFound }
        return try remove(egg, &state)
    }

    /// `Egg::booted` refuses to delete an egg servers use (lang/en/exceptions.php `egg.delete_has_servers`).
    private static func remove(_ egg: Egg, _ state: inout PanelState) throws -> SimResponse {
        if state.servers.values.contains(where: { $0.eggId == egg.id }) {
            throw PanelError.display("An Egg with active servers attached to it cannot be deleted from the Panel.", code: "HasActiveServersException")
        }
        state.eggs[egg.id] = nil
        for variable in state.eggVariables.values where variable.eggId == egg.id { state.eggVariables[variable.id] = nil }
        for (id, mount) in state.mounts { state.mounts[id]?.eggIds = mount.eggIds.filter { $0 != egg.id } }
        return .noContent
    }
}
