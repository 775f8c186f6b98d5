/// When a schedule runs, as cron fields.
public struct ScheduleCron: Codable, Sendable, Equatable {
    public var dayOfWeek: String
    public var dayOfMonth: String
    public var month: String
    public var hour: String
    public var minute: String

    enum CodingKeys: String, CodingKey {
        case dayOfWeek = "day_of_week"
        case dayOfMonth = "day_of_month"
        case month
        case hour
        case minute
    }
}
