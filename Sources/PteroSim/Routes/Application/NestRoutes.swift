/// Read-only nests and eggs; eggs must belong to the nest in the path.
enum NestRoutes {
    static let base = "/api/application/nests"

    static var routes: [Route] {
        [
            Route("GET", base, .application(.nests), list),
            Route("GET", base + "/{nest}", .application(.nests), view),
            Route("GET", base + "/{nest}/eggs", .application(.eggs), eggs),
            Route("GET", base + "/{nest}/eggs/{egg}", .application(.eggs), egg),
        ]
    }

    static func find(_ input: RouteInput, _ state: PanelState) throws -> Nest {
        guard let nest = state.nests[try input.id("nest")] else { throw PanelError.notFound }
        return nest
    }

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let transformer = input.applicationTransformer
        return input.paginated(state.sortedValues(state.nests)) { transformer.nest($0, in: state) }
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        .json(input.applicationTransformer.nest(try find(input, state), in: state))
    }

    static func eggs(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let nest = try find(input, state)
        let transformer = input.applicationTransformer
        return .json(Envelope.list(state.sortedValues(state.eggs).filter { $0.nestId == nest.id }.map { transformer.egg($0, in: state) }))
    }

    static func egg(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let nest = try find(input, state)
        guard let egg = state.eggs[try input.id("egg")], egg.nestId == nest.id else { throw PanelError.notFound }
        return .json(input.applicationTransformer.egg(egg, in: state))
    }
}
