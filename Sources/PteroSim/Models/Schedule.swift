/// A cron-like schedule of tasks on a server.
struct Schedule: Sendable {
    var id: Int
    var serverId: Int
    var name: String
    var minute: String
    var hour: String
    var dayOfMonth: String
    var month: String
    var dayOfWeek: String
    var isActive: Bool
    var isProcessing: Bool
    var onlyWhenOnline: Bool
    var lastRunAt: Int?
    var createdAt: Int
    var updatedAt: Int
}
