/// Schedules and their tasks on the client API.
extension PanelClient {
    /// Each with its tasks.
    public func schedules(server: String) async throws -> [Schedule] {
        try await list("server.schedules.list", server)
    }

    public func createSchedule(server: String, _ schedule: ScheduleDetails) async throws -> Schedule {
        try await item("server.schedules.create", server, body: schedule)
    }

    public func schedule(server: String, id: Int) async throws -> Schedule {
        try await item("server.schedules.view", server, id)
    }

    /// Replaces the schedule's fields (the panel's update is a full replace).
    public func updateSchedule(server: String, id: Int, _ schedule: ScheduleDetails) async throws -> Schedule {
        try await item("server.schedules.update", server, id, body: schedule)
    }

    /// Runs the schedule now (400 when it has no tasks).
    public func executeSchedule(server: String, id: Int) async throws {
        try await perform("server.schedules.execute", server, id)
    }

    public func deleteSchedule(server: String, id: Int) async throws {
        try await perform("server.schedules.delete", server, id)
    }

    public func createTask(server: String, schedule: Int, _ task: TaskDetails) async throws -> ScheduleTask {
        try await item("server.schedules.tasks.create", server, schedule, body: task)
    }

    public func updateTask(server: String, schedule: Int, id: Int, _ task: TaskDetails) async throws -> ScheduleTask {
        try await item("server.schedules.tasks.update", server, schedule, id, body: task)
    }

    public func deleteTask(server: String, schedule: Int, id: Int) async throws {
        try await perform("server.schedules.tasks.delete", server, schedule, id)
    }
}
