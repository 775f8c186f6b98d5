import Foundation

/// The client API's root: the caller's servers and the permission list.
extension PanelClient {
    /// The caller's servers (owned or subuser; `type` widens or narrows),
    /// lazily; filters `uuid`, `name`, `description`, `external_id`, `*`;
    /// includes `egg`, `subusers`; at most 100 per page.
    public func clientServers(_ query: ListQuery = ListQuery(), type: ClientServerListType? = nil) -> Pages<ClientServer> {
        var items = query.queryItems
        if let type { items.append(URLQueryItem(name: "type", value: type.rawValue)) }
        return pages("client.servers.list", query: items, perPage: query.perPage)
    }

    /// Every subuser permission, by group.
    public func systemPermissions() async throws -> SystemPermissions {
        try await item("permissions")
    }
}
