import Testing
@testable import PteroSim

@Suite struct ClientScheduleAndStartupTests {
    static let schedule = #"{"name":"Restart","minute":"0","hour":"*/6","day_of_month":"*","month":"*","day_of_week":"*","is_active":true}"#

    /// `next_run_at` is stored when the schedule is saved or run, as the panel stores it, so a
    /// read an hour later shows the same time (even one now past), and an inactive schedule has one.
    @Test func nextRunAtIsStoredWhenSavedAndRun() async throws {
        var options = SimulatorOptions.testing()
        options.clock = .manual(start: 1_800_000_000)  // 2027-01-15T08:00:00Z
        try await withSim(options) { sim in
            let (server, key) = sim.ownedServer { _ in true }
            let base = "/servers/\(server.identifier)/schedules"
            let created = try await sim.user(.post, base, key: key, json: Self.schedule)
            #expect(created.attributes["next_run_at"]?.stringValue == "2027-01-15T12:00:00+00:00")
            let id = created.attributes["id"]?.intValue ?? 0
            try sim.panel.store.options.clock.advance(by: 5 * 3600)
            let later = try await sim.user(.get, base + "/\(id)", key: key)
            #expect(later.attributes["next_run_at"]?.stringValue == "2027-01-15T12:00:00+00:00")
            let inactive = try await sim.user(.post, base + "/\(id)", key: key, json: Self.schedule.replacingOccurrences(of: "true", with: "false"))
            #expect(inactive.attributes["is_active"]?.boolValue == false)
            #expect(inactive.attributes["next_run_at"]?.stringValue == "2027-01-15T18:00:00+00:00")
        }
    }

    @Test func schedulesAndTasks() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer { ($0.backupLimit ?? 0) > 0 }
            let base = "/servers/\(server.identifier)/schedules"
            let created = try await sim.user(.post, base, key: key, json: Self.schedule)
            #expect(created.json["object"]?.stringValue == "server_schedule")
            #expect(created.attributes["next_run_at"]?.stringValue != nil)
            #expect(created.attributes["relationships"]?["tasks"]?["data"] == .array([]))
            let id = created.attributes["id"]?.intValue ?? 0
            let missing = try await sim.user(.post, base, key: key, json: "{}")
            #expect(missing.errors.compactMap { $0["meta"]?["source_field"]?.stringValue } == ["name", "minute", "hour", "day_of_month", "day_of_week"])
            let badCron = try await sim.user(.post, base, key: key, json: Self.schedule.replacingOccurrences(of: "*/6", with: "99"))
            #expect(badCron.errorDetail == "The cron data provided does not evaluate to a valid expression.")
            let noTasks = try await sim.user(.post, base + "/\(id)/execute", key: key)
            #expect(noTasks.errorDetail == "Cannot process schedule for task execution: no tasks are registered.")
            let first = try await sim.user(.post, base + "/\(id)/tasks", key: key, json: #"{"action":"command","payload":"say hi","time_offset":0}"#)
            #expect(first.json["object"]?.stringValue == "schedule_task")
            let second = try await sim.user(.post, base + "/\(id)/tasks", key: key, json: #"{"action":"power","payload":"restart","time_offset":10,"sequence_id":1}"#)
            #expect(second.attributes["sequence_id"]?.intValue == 1)
            let invalid = try await sim.user(.post, base + "/\(id)/tasks", key: key, json: #"{"action":"dance","time_offset":901}"#)
            #expect(invalid.errors.compactMap { $0["meta"]?["rule"]?.stringValue } == ["in", "required_unless", "max"])
            let view = try await sim.user(.get, base + "/\(id)", key: key)
            #expect(view.attributes["relationships"]?["tasks"]?["data"]?.arrayValue?.first?["attributes"]?["action"]?.stringValue == "power")
            let executed = try await sim.user(.post, base + "/\(id)/execute", key: key)
            #expect(executed.status == 202)
            #expect(executed.text == "[]")
            let taskId = first.attributes["id"]?.intValue ?? 0
            let moved = try await sim.user(.post, base + "/\(id)/tasks/\(taskId)", key: key, json: #"{"action":"command","payload":"say moved","time_offset":5,"sequence_id":1}"#)
            #expect(moved.attributes["sequence_id"]?.intValue == 1)
            let check1 = try await sim.user(.delete, base + "/\(id)/tasks/\(taskId)", key: key).status == 204
            #expect(check1)
            let updated = try await sim.user(.post, base + "/\(id)", key: key, json: Self.schedule.replacingOccurrences(of: "Restart", with: "Renamed"))
            #expect(updated.attributes["name"]?.stringValue == "Renamed")
            let check2 = try await sim.user(.get, base, key: key).data.contains { $0["attributes"]?["id"]?.intValue == id }
            #expect(check2)
            // On a live schedule and task: a missing one is a 404 before the permission check, as the panel's
            // ResourceBelongsToServer middleware runs before the controller's.
            let viewer = sim.subuserKey(on: server.id, permissions: ["schedule.read"])
            let remainingTask = second.attributes["id"]?.intValue ?? 0
            let check5 = try await sim.user(.delete, base + "/\(id)/tasks/\(remainingTask)", key: viewer).errorDetail == "You do not have permission to perform this action."
            #expect(check5)
            let check3 = try await sim.user(.delete, base + "/\(id)", key: key).status == 204
            #expect(check3)
            let check4 = try await sim.user(.get, base + "/\(id)", key: key).status == 404
            #expect(check4)
        }
    }

    @Test func taskLimitIsTen() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer()
            let base = "/servers/\(server.identifier)/schedules"
            let id = try await sim.user(.post, base, key: key, json: Self.schedule).attributes["id"]?.intValue ?? 0
            for _ in 0..<10 { _ = try await sim.user(.post, base + "/\(id)/tasks", key: key, json: #"{"action":"command","payload":"x","time_offset":0}"#) }
            let refused = try await sim.user(.post, base + "/\(id)/tasks", key: key, json: #"{"action":"command","payload":"x","time_offset":0}"#)
            #expect(refused.errorCode == "ServiceLimitExceededException")
        }
    }

    @Test func startupVariables() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer { $0.eggId == 1 }
            let base = "/servers/\(server.identifier)/startup"
            let view = try await sim.user(.get, base, key: key)
            #expect(keys(view.json["meta"]) == ["startup_command", "docker_images", "raw_startup_command"])
            #expect(view.data.allSatisfy { $0["attributes"]?["env_variable"]?.stringValue != "DL_PATH" })
            let updated = try await sim.user(.put, base + "/variable", key: key, json: #"{"key":"BUILD_NUMBER","value":"123"}"#)
            #expect(updated.attributes["server_value"]?.stringValue == "123")
            #expect(keys(updated.json["meta"]) == ["startup_command", "raw_startup_command"])
            let invalid = try await sim.user(.put, base + "/variable", key: key, json: #"{"key":"SERVER_JARFILE","value":"x.zip"}"#)
            #expect(invalid.errorDetail == "The value format is invalid.")
            #expect(invalid.firstError["meta"]?["source_field"]?.stringValue == "value")
            let hidden = try await sim.user(.put, base + "/variable", key: key, json: #"{"key":"DL_PATH","value":"x"}"#)
            #expect(hidden.errorDetail == "The environment variable you are trying to edit does not exist.")
        }
    }

    @Test func settings() async throws {
        var options = SimulatorOptions.testing()
        options.timing.installSeconds = 30
        try await withSim(options) { sim in
            let (server, key) = sim.ownedServer { $0.eggId == 1 }
            let base = "/servers/\(server.identifier)/settings"
            let check6 = try await sim.user(.post, base + "/rename", key: key, json: #"{"name":"Fresh"}"#).status == 204
            #expect(check6)
            let check7 = try await sim.user(.post, base + "/rename", key: key, json: "{}").errorDetail == "The name field is required."
            #expect(check7)
            let image = try await sim.user(.put, base + "/docker-image", key: key, json: #"{"docker_image":"ghcr.io/pterodactyl/yolks:java_21"}"#)
            #expect(image.status == 204)
            let bad = try await sim.user(.put, base + "/docker-image", key: key, json: #"{"docker_image":"evil:latest"}"#)
            #expect(bad.errorDetail == "The selected docker image is invalid.")
            let reinstall = try await sim.user(.post, base + "/reinstall", key: key)
            #expect(reinstall.status == 202)
            #expect(reinstall.text == "[]")
            let installing = try await sim.user(.post, base + "/rename", key: key, json: #"{"name":"x"}"#)
            #expect(installing.errorDetail == "This server has not yet completed its installation process, please try again later.")
        }
    }
}
