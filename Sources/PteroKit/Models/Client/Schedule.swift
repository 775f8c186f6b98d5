/// A recurring job of a server (`server_schedule`).
public struct Schedule: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String
    public var cron: ScheduleCron
    public var isActive: Bool
    public var isProcessing: Bool
    public var onlyWhenOnline: Bool
    public var lastRunAt: String?
    public var nextRunAt: String?
    public var createdAt: String
    public var updatedAt: String
    public var relationships: ScheduleRelationships?

    enum CodingKeys: String, CodingKey {
        case id
        case name
        case cron
        case isActive = "is_active"
        case isProcessing = "is_processing"
        case onlyWhenOnline = "only_when_online"
        case lastRunAt = "last_run_at"
        case nextRunAt = "next_run_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case relationships
    }
}
