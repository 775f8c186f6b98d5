import Foundation
import Testing

/// `ptero FILE` using a server's console against `ptero sim`'s websocket:
/// the script starts a server, waits for it and talks to its console; a dry
/// run prints the console command and opens no socket. No key or token is
/// ever printed.
struct ConsoleEndToEndTests {
    static let script = """
        let s = (servers where status == null).first
        s.wait_state("offline", timeout: 10)
        s.power("start")
        print(s.wait_for("Done (", timeout: 20))
        print(s.wait_state("running", timeout: 10))
        print(s.run("say hello", until: "hello", timeout: 10))
        print(len(s.console.tail(3)))
        """

    @Test func aScriptStartsAServerAndTalksToItsConsole() throws {
        let sim = try SimProcess(arguments: ["--servers", "6", "--seed", "4"])
        let url = try #require(sim.url, "\(sim.banner)")
        let applicationKey = try #require(sim.applicationKey)
        let clientKey = try #require(sim.clientKey)
        let folder = try PteroBinary.temporaryFolder()
        let file = folder.appendingPathComponent("console.ptero")
        // A seeded server may be running: stop it first, through the console.
        try ("let first = (servers where status == null).first\nif first.stats().state != \"offline\" { first.power(\"kill\") }\n"
             + Self.script).write(to: file, atomically: true, encoding: .utf8)
        let environment = ["PTERO_APP_KEY": applicationKey, "PTERO_CLIENT_KEY": clientKey, "XDG_CONFIG_HOME": folder.path]

        let real = try PteroBinary.run(["--url", url, "--yes", file.path], environment: environment)
        #expect(real.status == 0, "\(real.output)\(real.errors)")
        #expect(real.output == """
            [Server thread/INFO]: Done (3.142s)! For help, type "help"
            running
            ["[Server thread/INFO]: [Server] hello"]
            3

            """, "\(real.errors)")
        // Neither a key nor a websocket token (a JWT: eyJ...) is printed.
        for secret in [applicationKey, clientKey, "eyJ"] { #expect(!(real.output + real.errors).contains(secret)) }

        let dryFile = folder.appendingPathComponent("dry.ptero")
        try "print((servers where status == null).first.run(\"save-off\", until: \"disabled\"))\n".write(to: dryFile, atomically: true, encoding: .utf8)
        let dry = try PteroBinary.run(["--url", url, "--dry-run", dryFile.path], environment: environment)
        #expect(dry.status == 0, "\(dry.errors)")
        #expect(dry.output.contains("would send to the console of Server#"), "\(dry.output)")
        #expect(dry.output.hasSuffix(": save-off\n[]\n"), "\(dry.output)")
        #expect(dry.errors.contains("dry run: 1 write planned, none sent"), "\(dry.errors)")
        withExtendedLifetime(sim) {}
    }
}
