/// The application lists whose filters or sorts Pelican changed: servers filter on
/// `uuid_short` (Servers/ServerController.php `index`), nodes also sort on `cpu`
/// (Nodes/NodeController.php `index`).
enum PelicanLists {
    static let serverQuery = ListQuery<Server>(
        filters: [
            .init(name: "uuid", match: .partial) { $0.uuid }, .init(name: "uuid_short", match: .partial) { $0.identifier },
            .init(name: "name", match: .partial) { $0.name }, .init(name: "description", match: .partial) { $0.description },
            .init(name: "image", match: .partial) { $0.image }, .init(name: "external_id", match: .partial) { $0.externalId },
        ],
        sorts: [.init(name: "id") { .number($0.id) }, .init(name: "uuid") { .text($0.uuid) }])

    static let nodeQuery = ListQuery<Node>(
        filters: NodeRoutes.listQuery.filters,
        sorts: NodeRoutes.listQuery.sorts + [.init(name: "cpu") { .number($0.cpu) }])

    static func servers(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try ServerRoutes.validateSearch(input)
        let servers = try serverQuery.apply(state.sortedValues(state.servers), query: input.query)
        let transformer = input.applicationTransformer
        return input.paginated(servers) { transformer.server($0, in: state) }
    }

    static func nodes(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let nodes = try nodeQuery.apply(state.sortedValues(state.nodes), query: input.query)
        let transformer = input.applicationTransformer
        return input.paginated(nodes) { transformer.node($0, in: state) }
    }
}
