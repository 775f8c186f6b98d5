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
    /// Stored, as the panel stores it: computed from the cron fields when the schedule is
    /// saved (Client/Servers/ScheduleController.php `getNextRunAt`) and again when it runs
    /// (Services/Schedules/ProcessScheduleService.php), not at each read.
    var nextRunAt: Int? = nil
    var createdAt: Int
    var updatedAt: Int
}
