/// The resources an application key carries permission bits for: 1.x's nine, and the
/// mounts, roles and plugins only Pelican has (`ApiKey::DEFAULT_RESOURCE_NAMES`, app/Models/ApiKey.php).
enum ApplicationResource: String, CaseIterable, Sendable {
    case servers, nodes, allocations, users, locations, nests, eggs
    case databaseHosts = "database_hosts"
    case serverDatabases = "server_databases"
    case mounts, roles, plugins
}
