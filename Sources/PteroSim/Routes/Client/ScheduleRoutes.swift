/// Client schedules: cron-validated, with `next_run_at` and manual execution.
enum ScheduleRoutes {
    static var routes: [Route] {
        [
            ClientRoutes.onServer("GET", "/schedules", list),
            ClientRoutes.onServer("POST", "/schedules", create),
            ClientRoutes.onServer("GET", "/schedules/{schedule}", view),
            ClientRoutes.onServer("POST", "/schedules/{schedule}", update),
            ClientRoutes.onServer("POST", "/schedules/{schedule}/execute", execute),
            ClientRoutes.onServer("DELETE", "/schedules/{schedule}", delete),
            ClientRoutes.onServer("POST", "/schedules/{schedule}/tasks", TaskRoutes.create),
            ClientRoutes.onServer("POST", "/schedules/{schedule}/tasks/{task}", TaskRoutes.update),
            ClientRoutes.onServer("DELETE", "/schedules/{schedule}/tasks/{task}", TaskRoutes.delete),
        ]
    }

    /// Looked up before the permission check (schedule and task routes): app/Http/Middleware/Api/Client/Server/
    /// ResourceBelongsToServer.php runs before the request's authorize(), so another server's schedule is a 404.
    static func find(_ input: RouteInput, _ state: PanelState) throws -> Schedule {
        guard let schedule = state.schedules[try input.id("schedule")], schedule.serverId == input.serverId else { throw PanelError.notFound }
        return schedule
    }

    static func list(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("schedule.read")
        let transformer = input.clientTransformer
        return .json(Envelope.list(state.sortedValues(state.schedules).filter { $0.serverId == input.serverId }.map { transformer.schedule($0, in: state) }))
    }

    static func view(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let schedule = try find(input, state)
        try input.access.require("schedule.read")
        return .json(input.clientTransformer.schedule(schedule, in: state))
    }

    /// Validates the full body and copies it onto `schedule` (create and update alike).
    static func apply(_ input: RouteInput, to schedule: inout Schedule) throws {
        // app/Http/Requests/Api/Client/Servers/Schedules/StoreScheduleRequest.php (UpdateScheduleRequest extends
        // it): Schedule.php's rules in its order; it has no rule for `only_when_online`, kept here as `boolean`.
        try Validator.validate(input.body, [
            FieldRules("name", [.required, .string, .max(191)]),
            FieldRules("is_active", [.filled, .boolean]),
            FieldRules("minute", [.required, .string]),
            FieldRules("hour", [.required, .string]),
            FieldRules("day_of_month", [.required, .string]),
            FieldRules("day_of_week", [.required, .string]),
            FieldRules("only_when_online", [.boolean]),
        ])
        guard let month = Validator.lookup("month", in: input.body).flatMap(RuleEvaluator.scalarText) else { throw PanelError.internalError }
        let fields = (input.string("minute")!, input.string("hour")!, input.string("day_of_month")!, month, input.string("day_of_week")!)
        guard Cron.isValid(minute: fields.0, hour: fields.1, dayOfMonth: fields.2, month: fields.3, dayOfWeek: fields.4) else {
            throw PanelError.display("The cron data provided does not evaluate to a valid expression.")
        }
        schedule.name = input.string("name")!
        (schedule.minute, schedule.hour, schedule.dayOfMonth, schedule.month, schedule.dayOfWeek) = fields
        if let active = input.bool("is_active"), active != schedule.isActive {
            schedule.isActive = active
            schedule.isProcessing = false
        }
        schedule.onlyWhenOnline = input.bool("only_when_online") ?? false
        schedule.nextRunAt = Cron.nextRun(schedule, after: input.nowSeconds)
        schedule.updatedAt = input.nowSeconds
    }

    static func create(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        try input.access.require("schedule.create")
        var schedule = Schedule(
            id: 0, serverId: input.serverId, name: "", minute: "", hour: "", dayOfMonth: "", month: "", dayOfWeek: "",
            isActive: true, isProcessing: false, onlyWhenOnline: false, lastRunAt: nil, createdAt: input.nowSeconds, updatedAt: input.nowSeconds)
        try apply(input, to: &schedule)
        schedule.id = state.nextId("schedules")
        state.schedules[schedule.id] = schedule
        state.log("server:schedule.create", input: input, serverId: input.serverId, properties: [("name", .string(schedule.name))])
        return .json(input.clientTransformer.schedule(schedule, in: state))
    }

    static func update(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        var schedule = try find(input, state)
        try input.access.require("schedule.update")
        try apply(input, to: &schedule)
        state.schedules[schedule.id] = schedule
        state.log("server:schedule.update", input: input, serverId: input.serverId, properties: [("name", .string(schedule.name))])
        return .json(input.clientTransformer.schedule(schedule, in: state))
    }

    /// Runs every task at once (offsets are not waited for in the sim).
    static func execute(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let schedule = try find(input, state)
        try input.access.require("schedule.update")
        let tasks = state.tasks(ofSchedule: schedule.id)
        guard !tasks.isEmpty else { throw PanelError.display("Cannot process schedule for task execution: no tasks are registered.") }
        for task in tasks where task.action == "power" { state.power(input.serverId, signal: task.payload, now: input.now) }
        state.schedules[schedule.id]?.lastRunAt = input.nowSeconds
        state.schedules[schedule.id]?.nextRunAt = Cron.nextRun(schedule, after: input.nowSeconds)
        state.log("server:schedule.execute", input: input, serverId: input.serverId, properties: [("name", .string(schedule.name))])
        return .acceptedEmptyList
    }

    static func delete(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let schedule = try find(input, state)
        try input.access.require("schedule.delete")
        state.schedules[schedule.id] = nil
        for task in state.tasks.values where task.scheduleId == schedule.id { state.tasks[task.id] = nil }
        state.log("server:schedule.delete", input: input, serverId: input.serverId, properties: [("name", .string(schedule.name))])
        return .noContent
    }
}
