/// Application locations: CRUD; PATCH still requires `short`.
enum LocationRoutes {
    static let base = "/api/application/locations"

    static var routes: [Route] {
        [
            Route("GET", base, .application(.locations), list),
            Route("GET", base + "/{location}", .application(.locations), view),
            Route("POST", base, .application(.locations), create),
            Route("PATCH", base + "/{location}", .application(.locations), update),
            Route("DELETE", base + "/{location}", .application(.locations), delete),
        ]
    }

    static let listQuery = ListQuery<Location>(
        filters: [.init(name: "short", match: .partial) { $0.short }, .init(name: "long", match: .partial) { $0.long }],
        sorts: [.init(name: "id") { .number($0.id) }])

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let locations = try listQuery.apply(state.sortedValues(state.locations), query: input.query)
        let transformer = input.applicationTransformer
        return input.paginated(locations) { transformer.location($0, in: state) }
    }

    static func find(_ input: RouteInput, _ state: PanelState) throws -> Location {
        guard let location = state.locations[try input.id("location")] else { throw PanelError.notFound }
        return location
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        .json(input.applicationTransformer.location(try find(input, state), in: state))
    }

    /// app/Models/Location.php `$validationRules`, with the attribute names of
    /// app/Http/Requests/Api/Application/Locations/StoreLocationRequest.php `attributes()`
    /// (UpdateLocationRequest extends it, so PATCH says the same).
    static func rules(_ state: PanelState, ignoring id: Int?) -> [FieldRules] {
        let shorts = Set(state.locations.values.filter { $0.id != id }.map(\.short))
        return [
            FieldRules("short", [.required, .string, .between(1, 60), .unique { shorts.contains($0.stringValue ?? "") }], label: "Location Identifier"),
            FieldRules("long", [.nullable, .string, .between(1, 191)], label: "Location Description"),
        ]
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try Validator.validate(input.body, rules(state, ignoring: nil))
        let id = state.nextId("locations")
        let location = Location(id: id, short: input.string("short")!, long: input.string("long"), createdAt: input.nowSeconds, updatedAt: input.nowSeconds)
        state.locations[id] = location
        let json = Envelope.withMeta(input.applicationTransformer.location(location, in: state), [("resource", input.resourceURL(base + "/\(id)"))])
        return .json(json, status: 201)
    }

    static func update(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var location = try find(input, state)
        try Validator.validate(input.body, rules(state, ignoring: location.id))
        location.short = input.string("short")!
        if input.has("long") { location.long = input.string("long") }
        location.updatedAt = input.nowSeconds
        state.locations[location.id] = location
        return .json(input.applicationTransformer.location(location, in: state))
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let location = try find(input, state)
        if state.nodes.values.contains(where: { $0.locationId == location.id }) {
            throw PanelError.display("Cannot delete a location that has active nodes attached to it.", code: "HasActiveNodesException")
        }
        state.locations[location.id] = nil
        return .noContent
    }
}
