/// One step of a schedule (`schedule_task`).
public struct ScheduleTask: Codable, Sendable, Equatable {
    public var id: Int
    /// 1-based order within the schedule.
    public var sequenceId: Int
    /// `command`, `power` or `backup`.
    public var action: String
    public var payload: String
    /// Seconds after the previous task.
    public var timeOffset: Int
    public var isQueued: Bool
    public var continueOnFailure: Bool
    public var createdAt: String
    public var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case id
        case sequenceId = "sequence_id"
        case action
        case payload
        case timeOffset = "time_offset"
        case isQueued = "is_queued"
        case continueOnFailure = "continue_on_failure"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
