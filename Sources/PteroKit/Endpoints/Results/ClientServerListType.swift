/// Which servers `GET /api/client` lists (`type=`).
public enum ClientServerListType: String, Sendable {
    /// Only servers the caller owns.
    case owner
    /// (Admins) servers the admin neither owns nor is a subuser of.
    case admin
    /// (Admins) every server.
    case adminAll = "admin-all"
}
