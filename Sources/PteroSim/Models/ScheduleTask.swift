/// One step of a schedule; `sequenceId` orders the steps from 1.
struct ScheduleTask: Sendable {
    var id: Int
    var scheduleId: Int
    var sequenceId: Int
    var action: String
    var payload: String
    var timeOffset: Int
    var isQueued: Bool
    var continueOnFailure: Bool
    var createdAt: Int
    var updatedAt: Int
}
