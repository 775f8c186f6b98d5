/// The top-level `meta` of a list: pagination, and the extra keys a few
/// endpoints add beside it.
public struct ListMeta: Decodable, Sendable, Equatable {
    public var pagination: Pagination?
    /// Client backups list: backups that did not fail.
    public var backupCount: Int?

    public init(pagination: Pagination? = nil, backupCount: Int? = nil) {
        self.pagination = pagination
        self.backupCount = backupCount
    }

    enum CodingKeys: String, CodingKey {
        case pagination
        case backupCount = "backup_count"
    }
}
