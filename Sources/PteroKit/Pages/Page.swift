/// One page of a paginated list: its items and where it sits.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var pagination: Pagination
    /// The list's other meta keys (e.g. `backup_count`).
    public var meta: ListMeta

    public init(items: [Item], pagination: Pagination, meta: ListMeta) {
        self.items = items
        self.pagination = pagination
        self.meta = meta
    }
}
