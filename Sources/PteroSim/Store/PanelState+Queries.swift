import Foundation
import OrderedCollections

/// Read helpers over the tables, named after the panel's Eloquent relations.
extension PanelState {
    /// A table's rows in id order: the table's own array when its rows were
    /// inserted in id order, as they are unless a test inserts out of order.
    func sortedValues<T>(_ table: Table<T>) -> [T] {
        let ids = table.keys.elements
        if zip(ids, ids.dropFirst()).allSatisfy({ $0 < $1 }) { return table.values.elements }
        return table.sorted { $0.key < $1.key }.map(\.value)
    }

    func allocations(ofServer serverId: Int) -> [Allocation] {
        allocations.values.filter { $0.serverId == serverId }.sorted { $0.id < $1.id }
    }

    func servers(where predicate: (Server) -> Bool) -> [Server] {
        sortedValues(servers).filter(predicate)
    }

    func variables(ofEgg eggId: Int) -> [EggVariable] {
        eggVariables.values.filter { $0.eggId == eggId }.sorted { $0.id < $1.id }
    }

    func subusers(ofServer serverId: Int) -> [Subuser] {
        subusers.values.filter { $0.serverId == serverId }.sorted { $0.id < $1.id }
    }

    func databases(ofServer serverId: Int) -> [ServerDatabase] {
        databases.values.filter { $0.serverId == serverId }.sorted { $0.id < $1.id }
    }

    func tasks(ofSchedule scheduleId: Int) -> [ScheduleTask] {
        tasks.values.filter { $0.scheduleId == scheduleId }.sorted { ($0.sequenceId, $0.id) < ($1.sequenceId, $1.id) }
    }

    /// The value a server runs with for an egg variable: its own, else the default.
    func value(of variable: EggVariable, for server: Server) -> String {
        server.variableValues[variable.id] ?? variable.defaultValue
    }

    /// The egg variable environment plus the panel's own `STARTUP`/`P_SERVER_*` keys.
    func environment(of server: Server) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = variables(ofEgg: server.eggId).map { ($0.envVariable, .string(value(of: $0, for: server))) }
        pairs.append(("STARTUP", .string(server.startup)))
        let location = nodes[server.nodeId].flatMap { locations[$0.locationId] }
        pairs.append(("P_SERVER_LOCATION", .optional(location?.short)))
        pairs.append(("P_SERVER_UUID", .string(server.uuid)))
        pairs.append(("P_SERVER_ALLOCATION_LIMIT", .optional(server.allocationLimit)))
        return pairs
    }

    /// The startup line with `{{VARS}}` filled in; `hide` decides which values show as `[hidden]`.
    func invocation(of server: Server, hide: (EggVariable) -> Bool) -> String {
        var line = server.startup
        line = line.replacingOccurrences(of: "{{SERVER_MEMORY}}", with: String(server.memory))
        if let allocation = allocations[server.allocationId] {
            line = line.replacingOccurrences(of: "{{SERVER_IP}}", with: allocation.ip)
            line = line.replacingOccurrences(of: "{{SERVER_PORT}}", with: String(allocation.port))
        }
        for variable in variables(ofEgg: server.eggId) {
            let shown = hide(variable) ? "[hidden]" : value(of: variable, for: server)
            line = line.replacingOccurrences(of: "{{\(variable.envVariable)}}", with: shown)
            line = line.replacingOccurrences(of: "{{env.\(variable.envVariable)}}", with: shown)
        }
        return line
    }

    /// Memory and disk promised to the servers of a node.
    func allocatedResources(ofNode nodeId: Int) -> (memory: Int, disk: Int) {
        servers.values.reduce((0, 0)) { sum, server in
            server.nodeId == nodeId ? (sum.0 + server.memory, sum.1 + server.disk) : sum
        }
    }

    func user(withToken token: String) -> (User, ApiKey)? {
        guard token.count == 48 else { return nil }
        let identifier = String(token.prefix(16))
        guard let keyId = apiKeyIdByIdentifier[identifier], let key = apiKeys[keyId],
              key.identifier == identifier, key.secret == token.dropFirst(16),
              let user = users[key.userId] else { return nil }
        return (user, key)
    }
}
