/// The nine resources an application key carries permission bits for.
enum ApplicationResource: String, CaseIterable, Sendable {
    case servers, nodes, allocations, users, locations, nests, eggs
    case databaseHosts = "database_hosts"
    case serverDatabases = "server_databases"
}
