/// A schedule to create, or to replace (`POST /schedules[/{id}]`).
public struct ScheduleDetails: Encodable, Sendable, Equatable {
    public var name: String
    public var minute: String
    public var hour: String
    public var dayOfMonth: String
    public var month: String
    public var dayOfWeek: String
    public var isActive: Bool?
    public var onlyWhenOnline: Bool?

    public init(name: String, minute: String, hour: String, dayOfMonth: String, month: String, dayOfWeek: String, isActive: Bool? = nil, onlyWhenOnline: Bool? = nil) {
        self.name = name
        self.minute = minute
        self.hour = hour
        self.dayOfMonth = dayOfMonth
        self.month = month
        self.dayOfWeek = dayOfWeek
        self.isActive = isActive
        self.onlyWhenOnline = onlyWhenOnline
    }

    enum CodingKeys: String, CodingKey {
        case name
        case minute
        case hour
        case dayOfMonth = "day_of_month"
        case month
        case dayOfWeek = "day_of_week"
        case isActive = "is_active"
        case onlyWhenOnline = "only_when_online"
    }
}
