import Foundation
import Testing

/// The REPL keeps a session's keys out of its history even without a
/// prefix, and every prefix a panel issues.
@Suite(.serialized)
struct UnprefixedKeyHistoryTests {
    @Test func aLineHoldingTheSessionsKeyIsNotSaved() throws {
        let sim = try UnprefixedKeyLoginTests.simulatedPanel()
        let url = try #require(sim.url, "\(sim.banner)")
        let home = try PteroBinary.temporaryFolder()
        let environment = ["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path,
                           "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
                           "TERM": "vt100", "PATH": "/usr/bin:/bin", "PTERO_URL": url,
                           "PTERO_APP_KEY": UnprefixedKeyLoginTests.applicationKey,
                           "PTERO_CLIENT_KEY": UnprefixedKeyLoginTests.clientKey]
        let terminal = try PseudoTerminal(executable: PteroBinary.url, arguments: [], environment: environment)
        #expect(terminal.waitFor("ptero> ") != nil, "\(terminal.transcript)")

        #expect(terminal.enter("let first_key = \"\(UnprefixedKeyLoginTests.applicationKey)\""), "\(terminal.transcript)")
        #expect(terminal.enter("let other = [\"\(UnprefixedKeyLoginTests.clientKey)\"]"), "\(terminal.transcript)")
        #expect(terminal.enter("let pelican = \"plcn_abc\""), "\(terminal.transcript)")
        // 48 letters and digits that are not a key of this session: kept.
        #expect(terminal.enter("let digest = \"\(String(UnprefixedKeyLoginTests.clientKey.reversed()))\""), "\(terminal.transcript)")
        #expect(terminal.enter("print(\"done\")", expecting: "done\r\n"), "\(terminal.transcript)")
        terminal.waitUntilReadingKeys()
        terminal.type("\u{4}")
        #expect(terminal.waitForExit(), "\(terminal.transcript)")

        let history = try String(contentsOf: home.appendingPathComponent("state/ptero/history"), encoding: .utf8)
        #expect(history.contains("done"), "\(history)")
        #expect(history.contains("digest"))
        #expect(!history.contains(UnprefixedKeyLoginTests.applicationKey))
        #expect(!history.contains(UnprefixedKeyLoginTests.clientKey))
        #expect(!history.contains("first_key") && !history.contains("plcn_"))
        withExtendedLifetime(sim) {}
    }
}
