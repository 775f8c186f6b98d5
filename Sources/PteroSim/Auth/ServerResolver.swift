/// Resolves `{server}` on client routes: unknown → 404, no relation → 404 (the panel's
/// "does not exist on this server"), then the 409 state conflicts.
enum ServerResolver {
    static func resolve(_ input: RouteInput, state: inout PanelState, allowConflictStates: Bool) throws -> ServerAccess {
        let key = input.parameter("server")
        guard let serverId = state.serverIdByIdentifier[key], let server = state.servers[serverId] else {
            throw PanelError.notFound
        }
        let user = input.user
        let subuser = state.subusers.values.first { $0.serverId == serverId && $0.userId == user.id }
        let isOwner = server.ownerId == user.id
        guard isOwner || user.rootAdmin || subuser != nil else { throw PanelError.serverNotFound }
        let access = ServerAccess(
            serverId: serverId, isOwner: isOwner, isAdmin: user.rootAdmin && !isOwner,
            subuserPermissions: isOwner || user.rootAdmin ? [] : subuser!.permissions)
        if !allowConflictStates { try checkState(server, state: state) }
        return access
    }

    static func checkState(_ server: Server, state: PanelState) throws {
        if server.status == "suspended" {
            throw PanelError.conflict("This server is currently suspended and the functionality requested is unavailable.")
        }
        if state.nodes[server.nodeId]?.maintenanceMode == true {
            throw PanelError.conflict("The node of this server is currently under maintenance and the functionality requested is unavailable.")
        }
        if ["installing", "install_failed", "reinstall_failed"].contains(server.status) {
            throw PanelError.conflict("This server has not yet completed its installation process, please try again later.")
        }
        if server.status == "restoring_backup" {
            throw PanelError.conflict("This server is currently restoring from a backup, please try again later.")
        }
        // Only Pelican's sim starts transfers (lang/en/exceptions.php `server.transferring`).
        if state.transfers[server.id] != nil {
            throw PanelError.conflict("This server is currently being transferred to a new machine, please try again later.")
        }
    }
}
