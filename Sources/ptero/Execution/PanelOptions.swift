import ArgumentParser
import PteroLang
import PteroRuntime

/// The options that connect a script or the REPL to a panel and govern
/// its writes.
struct PanelOptions: ParsableArguments {
    @Option(help: "Profile from the configuration file (see `ptero login`).") var profile: String?
    @Option(help: "Panel URL, overriding the profile's (keys from PTERO_APP_KEY / PTERO_CLIENT_KEY).") var url: String?
    @Flag(name: .customLong("dry-run"), help: "Run reads; print each write (method, path, body) and each console command (s.run) instead of sending it.") var dryRun = false
    @Flag(help: "Do destructive actions and large bulk jobs without asking; without a terminal, a script that may ask is refused before its first write unless given this.") var yes = false
    @Option(help: "Record the run in FILE (every read, write and answer, flushed before each write); the same command again with the same FILE resumes a killed run exactly: what was done is replayed, not sent again. See `ptero journal`.") var journal: String?
    @Flag(help: "Allow plain http to a panel on another machine.") var insecure = false

    /// The options as a plain value, which the quick start builds too.
    var choice: PanelChoice {
        PanelChoice(profile: profile, url: url, dryRun: dryRun, yes: yes, journal: journal, insecure: insecure)
    }

    func connect(_ interpreter: Interpreter, forREPL: Bool = false) throws -> PanelConnection? {
        try choice.connect(interpreter, forREPL: forREPL)
    }
}
