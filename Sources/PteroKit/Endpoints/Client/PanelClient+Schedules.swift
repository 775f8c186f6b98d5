/// Schedules and their tasks on the client API.
extension PanelClient {
    func schedulesPath(_ server: String) -> String { "\(Self.serverPath(server))/schedules" }

    /// Each with its tasks.
    public func schedules(server: String) async throws -> [Schedule] {
        try await list(schedulesPath(server))
    }

    public func createSchedule(server: String, _ schedule: ScheduleDetails) async throws -> Schedule {
        try await item(.post, schedulesPath(server), body: schedule)
    }

    public func schedule(server: String, id: Int) async throws -> Schedule {
        try await item(.get, "\(schedulesPath(server))/\(id)")
    }

    /// Replaces the schedule's fields (the panel's update is a full replace).
    public func updateSchedule(server: String, id: Int, _ schedule: ScheduleDetails) async throws -> Schedule {
        try await item(.post, "\(schedulesPath(server))/\(id)", body: schedule)
    }

    /// Runs the schedule now (400 when it has no tasks).
    public func executeSchedule(server: String, id: Int) async throws {
        try await perform(.post, "\(schedulesPath(server))/\(id)/execute")
    }

    public func deleteSchedule(server: String, id: Int) async throws {
        try await perform(.delete, "\(schedulesPath(server))/\(id)")
    }

    public func createTask(server: String, schedule: Int, _ task: TaskDetails) async throws -> ScheduleTask {
        try await item(.post, "\(schedulesPath(server))/\(schedule)/tasks", body: task)
    }

    public func updateTask(server: String, schedule: Int, id: Int, _ task: TaskDetails) async throws -> ScheduleTask {
        try await item(.post, "\(schedulesPath(server))/\(schedule)/tasks/\(id)", body: task)
    }

    public func deleteTask(server: String, schedule: Int, id: Int) async throws {
        try await perform(.delete, "\(schedulesPath(server))/\(schedule)/tasks/\(id)")
    }
}
