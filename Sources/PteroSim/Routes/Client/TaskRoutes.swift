/// Schedule tasks: ordered by `sequence_id`, at most ten per schedule.
enum TaskRoutes {
    /// app/Http/Requests/Api/Client/Servers/Schedules/StoreTaskRequest.php (`time_offset` is min/max, not between).
    static let rules: [FieldRules] = [
        FieldRules("action", [.required, .in(["command", "power", "backup"])]),
        FieldRules("payload", [.requiredUnless("action", ["backup"]), .nullable, .string]),
        FieldRules("time_offset", [.required, .numeric, .min(0), .max(900)]),
        FieldRules("sequence_id", [.sometimes, .required, .numeric, .min(1)]),
        FieldRules("continue_on_failure", [.sometimes, .required, .boolean]),
    ]

    static func find(_ input: RouteInput, _ state: PanelState, schedule: Schedule) throws -> ScheduleTask {
        guard let task = state.tasks[try input.id("task")], task.scheduleId == schedule.id else { throw PanelError.notFound }
        return task
    }

    static func checkBackupAllowed(_ input: RouteInput, _ state: PanelState) throws {
        if input.string("action") == "backup", state.servers[input.serverId]?.backupLimit == 0 {
            throw PanelError.forbidden("A backup task cannot be created when the server's backup limit is set to 0.")
        }
    }

    /// Moves `taskId` to `position`, renumbering its siblings 1...n.
    static func place(_ taskId: Int, at position: Int?, schedule: Int, state: inout PanelState) {
        var ordered = state.tasks(ofSchedule: schedule).filter { $0.id != taskId }.map(\.id)
        let index = min(max((position ?? ordered.count + 1) - 1, 0), ordered.count)
        ordered.insert(taskId, at: index)
        for (offset, id) in ordered.enumerated() { state.tasks[id]?.sequenceId = offset + 1 }
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let schedule = try ScheduleRoutes.find(input, state)
        try input.access.require("schedule.update")
        try Validator.validate(input.body, rules)
        if state.tasks(ofSchedule: schedule.id).count >= 10 {
            throw PanelError.display(
                "Schedules may not have more than 10 tasks associated with them. Creating this task would put this schedule over the limit.",
                code: "ServiceLimitExceededException")
        }
        try checkBackupAllowed(input, state)
        let id = state.nextId("tasks")
        state.tasks[id] = ScheduleTask(
            id: id, scheduleId: schedule.id, sequenceId: 0, action: input.string("action")!, payload: input.string("payload") ?? "",
            timeOffset: input.stored("time_offset", as: .unsignedInteger) ?? 0, isQueued: false, continueOnFailure: input.bool("continue_on_failure") ?? false,
            createdAt: input.nowSeconds, updatedAt: input.nowSeconds)
        place(id, at: input.stored("sequence_id", as: .unsignedInteger), schedule: schedule.id, state: &state)
        state.log("server:task.create", input: input, serverId: input.serverId, properties: [("name", .string(schedule.name))])
        return .json(input.clientTransformer.task(state.tasks[id]!))
    }

    static func update(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let schedule = try ScheduleRoutes.find(input, state)
        var task = try find(input, state, schedule: schedule)
        try input.access.require("schedule.update")
        try Validator.validate(input.body, rules)
        try checkBackupAllowed(input, state)
        task.action = input.string("action")!
        task.payload = input.string("payload") ?? ""
        task.timeOffset = input.stored("time_offset", as: .unsignedInteger) ?? 0
        task.continueOnFailure = input.bool("continue_on_failure") ?? false
        task.updatedAt = input.nowSeconds
        state.tasks[task.id] = task
        if let position = input.stored("sequence_id", as: .unsignedInteger) { place(task.id, at: position, schedule: schedule.id, state: &state) }
        state.log("server:task.update", input: input, serverId: input.serverId, properties: [("name", .string(schedule.name))])
        return .json(input.clientTransformer.task(state.tasks[task.id]!))
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let schedule = try ScheduleRoutes.find(input, state)
        let task = try find(input, state, schedule: schedule)
        guard input.access.can("schedule.update") else { throw PanelError.forbidden("You do not have permission to perform this action.") }
        state.tasks[task.id] = nil
        for (offset, remaining) in state.tasks(ofSchedule: schedule.id).enumerated() { state.tasks[remaining.id]?.sequenceId = offset + 1 }
        return .noContent
    }
}
