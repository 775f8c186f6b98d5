/// The tasks of a schedule (always present).
public struct ScheduleRelationships: Codable, Sendable, Equatable {
    public var tasks: RelatedList<ScheduleTask>?

    enum CodingKeys: String, CodingKey {
        case tasks
    }
}
