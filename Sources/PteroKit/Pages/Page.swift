/// One page of a paginated list: its items and where it sits.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var pagination: Pagination
    /// The list's other meta keys (e.g. `backup_count`).
    public var meta: ListMeta
    /// `GET /api/application/servers`: names the listing when its pages do not add up.
    public var endpoint: String

    public init(items: [Item], pagination: Pagination, meta: ListMeta, endpoint: String = "the listing") {
        self.items = items
        self.pagination = pagination
        self.meta = meta
        self.endpoint = endpoint
    }
}
