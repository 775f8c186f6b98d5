import Foundation
import Testing

/// `ptero FILE` against `ptero sim`: a connected script, its dry run, and a
/// rerun that resumes from the journal.
struct PanelScriptTests {
    static let script = """
        print(servers.count)
        print((servers where id <= 3).suspend())
        print((servers where suspended and id <= 3).count)
        """

    @Test func aScriptDryRunsThenRunsThenResumesFromItsJournal() throws {
        let sim = try SimProcess(arguments: ["--servers", "12", "--seed", "9"])
        let url = try #require(sim.url, "\(sim.banner)")
        let key = try #require(sim.applicationKey)
        let folder = try PteroBinary.temporaryFolder()
        let file = folder.appendingPathComponent("suspend.ptero")
        try Self.script.write(to: file, atomically: true, encoding: .utf8)
        let journal = folder.appendingPathComponent("journal").path
        let environment = ["PTERO_APP_KEY": key, "XDG_CONFIG_HOME": folder.path]

        let dry = try PteroBinary.run(["--url", url, "--dry-run", file.path], environment: environment)
        #expect(dry.status == 0, "\(dry.errors)")
        #expect(dry.output.contains("would POST /api/application/servers/1/suspend"))
        #expect(dry.output.hasSuffix("suspend: 3 planned (dry run), 0 failed\n0\n"), "\(dry.output)")
        #expect(dry.errors.contains("dry run: 3 writes planned, none sent"))
        #expect(!(dry.output + dry.errors).contains(key))

        // Not on a terminal, a bulk job needs --yes from the start.
        let real = try PteroBinary.run(["--url", url, "--yes", "--journal", journal, file.path], environment: environment)
        #expect(real.output == "12\nsuspend: 3 ok, 0 failed\n3\n", "\(real.output)\(real.errors)")
        // Not on a terminal: one summary line per bulk job, no progress redraws.
        #expect(real.errors.hasPrefix("suspend 3/3 · "), "\(real.errors)")
        #expect(!real.errors.contains("\r"))

        let again = try PteroBinary.run(["--url", url, "--yes", "--journal", journal, file.path], environment: environment)
        #expect(again.status == 0)
        // The first run finished, so the journal says it was complete.
        #expect(again.errors.contains("is of a run that finished: "), "\(again.errors)")
        #expect(again.errors.contains("0 writes sent now; nothing it holds was sent again"), "\(again.errors)")
        #expect(again.output == "12\nsuspend: 3 ok (3 done by an earlier run), 0 failed\n3\n", "\(again.output)")
        withExtendedLifetime(sim) {}
    }

    @Test func ctrlCStopsABulkJobFromStartingNewTasks() throws {
        let sim = try SimProcess(arguments: ["--servers", "60", "--latency", "300"])
        let url = try #require(sim.url, "\(sim.banner)")
        let key = try #require(sim.applicationKey)
        let folder = try PteroBinary.temporaryFolder()
        let process = Process()
        process.executableURL = PteroBinary.url
        process.arguments = ["--url", url, "--yes", "-e", "let report = servers.suspend()\nprint(report)"]
        // The panel named: no dialect probe to wait out before the job.
        process.environment = ["PTERO_APP_KEY": key, "XDG_CONFIG_HOME": folder.path, "PATH": "/usr/bin:/bin", "PTERO_PANEL": "pterodactyl-1"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // 60 writes, 8 at a time, 300 ms each: about 2.5 s in all.
        Thread.sleep(forTimeInterval: 1.2)
        process.interrupt()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(text)")
        #expect(text.contains("not started (interrupted)"), "\(text)")
        withExtendedLifetime(sim) {}
    }

    @Test func withoutAPanelTheCollectionsSayHowToConnect() throws {
        let folder = try PteroBinary.temporaryFolder()
        let result = try PteroBinary.run(["-e", "print(servers.count)"], environment: ["XDG_CONFIG_HOME": folder.path])
        #expect(result.status == 1)
        #expect(result.errors.contains("servers: no panel is configured: run `ptero login`"), "\(result.errors)")
    }
}
