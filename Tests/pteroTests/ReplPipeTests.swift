import Foundation
import Testing

/// The REPL without a terminal (`ptero repl` on a pipe) reads plain lines.
struct ReplPipeTests {
    @Test func echoesContinuesAndReportsErrors() throws {
        let input = """
            let base = 40
            base + 2
            for i in [1, 2] {
              print(i * base)
            }
            "text"
            undefined_thing
            fn twice(x) {
              return x * 2
            }
            twice(50)
            1 / 0
            help
            """
        let result = try PteroBinary.run(["repl"], input: input + "\n")
        #expect(result.status == 0)
        let output = result.output
        #expect(output.contains("ptero> 42\n"))
        #expect(output.contains("   ... "))
        #expect(output.contains("40\n80\n"))
        #expect(output.contains("\"text\"\n"))
        #expect(output.contains("100\n"))
        #expect(output.contains("Builtins: "))
        #expect(result.errors.contains("<repl>:1:1: error: undeclared name 'undefined_thing'"))
        #expect(result.errors.contains("<repl>:1:1: error: division by zero"))
    }

    @Test func laterEntriesSeeEarlierDeclarationsAndMayRedeclare() throws {
        let result = try PteroBinary.run(["repl"], input: "let a = 1\nlet a = a + 1\nprint(a)\n")
        #expect(result.output.contains("2\n"))
        #expect(result.errors.isEmpty)
    }

    @Test func exitLeavesWithItsCode() throws {
        let result = try PteroBinary.run(["repl"], input: "exit(3)\nprint(\"not reached\")\n")
        #expect(result.status == 3)
        #expect(!result.output.contains("not reached"))
    }

    @Test func theReplConnectsToAPanelAndEchoesTables() throws {
        let sim = try SimProcess(arguments: ["--servers", "12"])
        let url = try #require(sim.url, "\(sim.banner)")
        let key = try #require(sim.applicationKey)
        let folder = try PteroBinary.temporaryFolder()
        let result = try PteroBinary.run(["repl", "--url", url], input: "servers.count\nnodes.list\n",
                                         environment: ["PTERO_APP_KEY": key, "XDG_CONFIG_HOME": folder.path, "COLUMNS": "100"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("ptero> 12\n"), "\(result.output)")
        #expect(result.output.contains("id  name"), "\(result.output)")
        #expect(!result.output.contains(key))
        withExtendedLifetime(sim) {}
    }
}
