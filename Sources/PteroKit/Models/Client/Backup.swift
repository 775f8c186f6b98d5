/// A backup of a server (`backup`).
public struct Backup: Codable, Sendable, Equatable {
    public var uuid: String
    public var isSuccessful: Bool
    public var isLocked: Bool
    public var name: String
    public var ignoredFiles: [String]
    public var checksum: String?
    public var bytes: Int
    public var createdAt: String
    /// nil while the backup runs.
    public var completedAt: String?

    enum CodingKeys: String, CodingKey {
        case uuid
        case isSuccessful = "is_successful"
        case isLocked = "is_locked"
        case name
        case ignoredFiles = "ignored_files"
        case checksum
        case bytes
        case createdAt = "created_at"
        case completedAt = "completed_at"
    }
}
