/// 0.7's lists: `paginated(50)` whatever `per_page` says (the controllers at v0.7.19), and
/// `?search=` on users, nodes, locations and servers (Eloquence `Searchable` with each
/// model's `$searchableColumns`) instead of 1.x's `filter[...]`/`sort`.
///
/// Search here: the term's words, each matched as a case-insensitive substring of any
/// searchable column; rows ordered by the summed weights of the columns that matched, then id.
/// (Eloquence's own relevance arithmetic lives in its vendor code, not in the panel's repo.)
enum Pterodactyl07Lists {
    static let perPage = 50
    /// `config('pterodactyl.paginate.frontend.servers')` = 15 (`config/pterodactyl.php@v0.7.19`).
    static let clientPerPage = 15

    static func users(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        // `User::$searchableColumns@v0.7.19`.
        let users = search(state.sortedValues(state.users), input) { user in
            [(user.username, 100), (user.email, 100), (user.externalId, 80), (user.uuid, 80), (user.firstName, 40), (user.lastName, 40)]
        }
        let transformer = input.applicationTransformer
        return page(users, input, perPage) { transformer.user($0, in: state) }
    }

    static func nodes(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        // `Node::$searchableColumns@v0.7.19`.
        let nodes = search(state.sortedValues(state.nodes), input) { node in
            let location = state.locations[node.locationId]
            return [(node.name, 10), (node.fqdn, 8), (location?.short, 4), (location?.long, 4)]
        }
        let transformer = input.applicationTransformer
        return page(nodes, input, perPage) { transformer.node($0, in: state) }
    }

    static func locations(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        // `Location::$searchableColumns@v0.7.19`.
        let locations = search(state.sortedValues(state.locations), input) { location in [(location.short, 10), (location.long, 10)] }
        let transformer = input.applicationTransformer
        return page(locations, input, perPage) { transformer.location($0, in: state) }
    }

    static func servers(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        // `Server::$searchableColumns@v0.7.19` (no packs in the sim).
        let servers = search(state.sortedValues(state.servers), input) { server in
            let owner = state.users[server.ownerId]
            return [(server.name, 100), (server.uuid, 80), (server.identifier, 80), (server.externalId, 50),
                    (owner?.email, 40), (owner?.username, 30), (state.nodes[server.nodeId]?.name, 10)]
        }
        let transformer = input.applicationTransformer
        return page(servers, input, perPage) { transformer.server($0, in: state) }
    }

    static func nests(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let transformer = input.applicationTransformer
        return page(state.sortedValues(state.nests), input, perPage) { transformer.nest($0, in: state) }
    }

    static func allocations(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let nodeId = try input.id("node")
        guard state.nodes[nodeId] != nil else { throw PanelError.notFound }
        let allocations = state.sortedValues(state.allocations).filter { $0.nodeId == nodeId }
        let transformer = input.applicationTransformer
        return page(allocations, input, perPage) { transformer.allocation($0, in: state) }
    }

    /// `ClientController@index@v0.7.19`: `?filter=all|admin|owner|subuser-of` through
    /// `filterUserAccessServers`: owner → owned; all/admin only for a root admin (all: every
    /// server; admin: those the user has no access to); anything else → owned or subuser of.
    static func clientServers(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let user = input.user
        let subuserOf = Set(state.subusers.values.filter { $0.userId == user.id }.map(\.serverId))
        let accessible: (Server) -> Bool = { $0.ownerId == user.id || subuserOf.contains($0.id) }
        let filter = input.query["filter"]
        let servers: [Server]
        if filter == "owner" {
            servers = state.servers(where: { $0.ownerId == user.id })
        } else if user.rootAdmin && filter == "all" {
            servers = state.sortedValues(state.servers)
        } else if user.rootAdmin && filter == "admin" {
            servers = state.servers(where: { !accessible($0) })
        } else {
            servers = state.servers(where: accessible)
        }
        let transformer = input.clientTransformer
        return page(servers, input, clientPerPage) { server in
            transformer.server(server, in: state, access: ClientServerList.access(server, user: user, state: state))
        }
    }

    /// Rows matching `?search=` (every row when it is absent or blank), best match first.
    static func search<T>(_ rows: [T], _ input: RouteInput, columns: (T) -> [(String?, Int)]) -> [T] {
        let words = (input.query["search"] ?? "").lowercased().split(separator: " ").map(String.init)
        guard !words.isEmpty else { return rows }
        let scored: [(Int, Int, T)] = rows.enumerated().compactMap { index, row in
            let score = columns(row).reduce(0) { sum, column in
                guard let text = column.0?.lowercased() else { return sum }
                return words.contains { text.contains($0) } ? sum + column.1 : sum
            }
            return score > 0 ? (score, index, row) : nil
        }
        return scored.sorted { ($0.0, -$0.1) > ($1.0, -$1.1) }.map(\.2)
    }

    /// A page of `size` rows: `?page=` is read, `?per_page=` is not.
    static func page<T>(_ rows: [T], _ input: RouteInput, _ size: Int, render: (T) -> JSONValue) -> SimResponse {
        let pagination = Pagination(query: input.query.removing("per_page"), defaultPerPage: size)
        let slice = pagination.slice(rows)
        let meta = pagination.meta(total: rows.count, count: slice.count, baseURL: input.baseURL, path: input.path, query: input.query, keepQuery: false)
        return .json(Envelope.list(slice.map(render), meta: [("pagination", meta)]))
    }
}
