/// The seeded world as a Pelican panel has it: the same rows, with keys carrying Pelican's
/// prefixes, nodes tagged with their location's short code and eggs with their nest's name
/// (the migrations that removed locations and nests did exactly that), the `Root Admin` role
/// held by the root admins, a mount and a few plugins (`PelicanPluginRoutes.seed`).
enum PelicanSeed {
    /// `ApiKey::getPrefixForType` (app/Models/ApiKey.php): `papp_` application, `pacc_` account
    /// keys, 16-character identifiers (`peli_`/`plcn_` before commit 3543b47, September 2025).
    static let applicationPrefix = "papp_"
    static let clientPrefix = "pacc_"

    static func apply(_ state: inout PanelState, keeping given: [String]) {
        reprefixKeys(&state, keeping: given)
        state.subuserPermissionKeys = Set(PelicanSubuserPermissions.keys)
        for (id, node) in state.nodes {
            state.nodes[id]?.tags = state.locations[node.locationId].map { [$0.short] } ?? []
        }
        for (id, egg) in state.eggs {
            state.eggs[id]?.tags = state.nests[egg.nestId].map { [$0.name] } ?? []
        }
        for (id, host) in state.databaseHosts { state.databaseHosts[id]?.nodeIds = host.nodeId.map { [$0] } ?? [] }
        let created = state.users[1]?.createdAt ?? 0
        let rootRole = state.nextId("roles")
        state.roles[rootRole] = Role(id: rootRole, name: Role.rootAdminName, createdAt: created, updatedAt: created)
        for (id, user) in state.users where user.rootAdmin { state.users[id]?.roleIds = [rootRole] }
        let mountId = state.nextId("mounts")
        state.mounts[mountId] = Mount(
            id: mountId, uuid: state.random.uuid(), name: "shared-maps", description: "Maps shared by every Minecraft server",
            source: "/srv/shared/maps", target: "/home/container/shared-maps", readOnly: true, userMountable: false,
            eggIds: state.eggs.keys.prefix(1).map { $0 }, nodeIds: state.nodes.keys.map { $0 }, serverIds: [])
        PelicanPluginRoutes.seed(&state)
    }

    /// Swaps the 1.x prefixes of every seeded key for Pelican's (the tokens given in the
    /// options keep theirs); the rest of each identifier and secret stays.
    private static func reprefixKeys(_ state: inout PanelState, keeping given: [String]) {
        for id in state.apiKeys.keys.sorted() {
            guard var key = state.apiKeys[id], !given.contains(key.token) else { continue }
            let prefix = key.kind == .application ? applicationPrefix : clientPrefix
            guard key.identifier.hasPrefix("ptla_") || key.identifier.hasPrefix("ptlc_") else { continue }
            state.apiKeyIdByIdentifier[key.identifier] = nil
            key.identifier = prefix + key.identifier.dropFirst(5)
            state.insertKey(key)
        }
    }
}
