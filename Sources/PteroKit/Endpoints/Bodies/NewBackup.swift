/// A backup to start (`POST /backups`).
public struct NewBackup: Encodable, Sendable, Equatable {
    public var name: String?
    /// Newline-separated patterns.
    public var ignored: String?
    public var isLocked: Bool?

    public init(name: String? = nil, ignored: String? = nil, isLocked: Bool? = nil) {
        self.name = name
        self.ignored = ignored
        self.isLocked = isLocked
    }

    enum CodingKeys: String, CodingKey {
        case name
        case ignored
        case isLocked = "is_locked"
    }
}
