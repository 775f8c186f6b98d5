import Foundation
import PteroKit
import PteroSim
import Testing

/// Schedules, tasks and backups on the client API.
struct ClientScheduleAndBackupEndpointTests {
    @Test func schedulesAndTasksCanBeManaged() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let server = fixture.identifier
            let details = ScheduleDetails(name: "Hourly", minute: "0", hour: "*", dayOfMonth: "*", month: "*", dayOfWeek: "*")
            let schedule = try await client.createSchedule(server: server, details)
            #expect(schedule.cron.minute == "0" && schedule.nextRunAt != nil && schedule.relationships?.tasks?.items == [])

            let first = try await client.createTask(server: server, schedule: schedule.id, TaskDetails(action: "command", payload: "say hi", timeOffset: 0))
            let second = try await client.createTask(server: server, schedule: schedule.id, TaskDetails(action: "power", payload: "restart", timeOffset: 30))
            #expect(first.sequenceId == 1 && second.sequenceId == 2)
            let moved = try await client.updateTask(server: server, schedule: schedule.id, id: second.id,
                                                    TaskDetails(action: "power", payload: "restart", timeOffset: 30, sequenceId: 1))
            #expect(moved.sequenceId == 1)
            let viewed = try await client.schedule(server: server, id: schedule.id)
            #expect(viewed.relationships?.tasks?.items?.sorted { $0.sequenceId < $1.sequenceId }.map(\.id) == [second.id, first.id])
            try await client.deleteTask(server: server, schedule: schedule.id, id: first.id)

            var changed = details
            changed.name = "Daily"
            changed.hour = "3"
            #expect(try await client.updateSchedule(server: server, id: schedule.id, changed).cron.hour == "3")
            try await client.executeSchedule(server: server, id: schedule.id)
            #expect(try await client.schedules(server: server).contains { $0.id == schedule.id && $0.name == "Daily" })
            try await client.deleteSchedule(server: server, id: schedule.id)
            #expect(try await client.schedules(server: server).contains { $0.id == schedule.id } == false)
        }
    }

    @Test func backupsCanBeMadeLockedDownloadedRestoredAndDeleted() async throws {
        // Real timing: the restore is still running when the status is checked.
        try await SimFixture.run({ $0.timing = SimulationTiming() }) { fixture in
            let client = fixture.client
            let server = fixture.identifier
            let created = try await client.createBackup(server: server, NewBackup(name: "before update", ignored: "*.log\ncache"))
            #expect(created.name == "before update" && created.ignoredFiles == ["*.log", "cache"] && created.completedAt == nil)
            // A backup takes 3 s in the sim; wait up to 10 s.
            var backup = try await client.backup(server: server, uuid: created.uuid)
            for _ in 0..<100 where backup.completedAt == nil {
                try await Task.sleep(for: .milliseconds(100))
                backup = try await client.backup(server: server, uuid: created.uuid)
            }
            #expect(backup.isSuccessful && backup.completedAt != nil)
            let pages = client.backups(server: server, perPage: 1)
            let listed = try await pages.collect()
            #expect(listed.contains { $0.uuid == created.uuid })
            #expect(pages.meta?.backupCount == listed.filter(\.isSuccessful).count)
            #expect(pages.total == listed.count)

            #expect(try await client.toggleBackupLock(server: server, uuid: created.uuid).isLocked)
            #expect(try await client.toggleBackupLock(server: server, uuid: created.uuid).isLocked == false)
            #expect(try await client.backupDownloadURL(server: server, uuid: created.uuid).url.contains("/download/backup?token="))
            try await client.deleteBackup(server: server, uuid: created.uuid)
            #expect(try await client.backups(server: server).collect().contains { $0.uuid == created.uuid } == false)

            let second = try await client.createBackup(server: server)
            var restorable = try await client.backup(server: server, uuid: second.uuid)
            for _ in 0..<100 where restorable.completedAt == nil {
                try await Task.sleep(for: .milliseconds(100))
                restorable = try await client.backup(server: server, uuid: second.uuid)
            }
            try await client.restoreBackup(server: server, uuid: restorable.uuid, truncate: false)
            #expect(try await client.clientServer(server).server.status == "restoring_backup")
        }
    }
}
