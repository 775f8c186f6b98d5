import Foundation
import Testing

/// Which profile `ptero login` makes the default, and that it says so:
/// before, plain `ptero login` saved a profile named "default" that was not
/// the default once another profile existed, and nothing could change that.
struct LoginDefaultTests {
    let sim: SimProcess
    let url: String
    let keys: String
    let home: URL

    init() throws {
        sim = try SimProcess(arguments: ["--seed", "5"])
        url = try #require(sim.url, "\(sim.banner)")
        keys = try #require(sim.applicationKey) + "\n" + (try #require(sim.clientKey)) + "\n"
        home = try PteroBinary.temporaryFolder()
    }

    func login(_ arguments: [String]) throws -> PteroBinary.Result {
        let result = try PteroBinary.run(["login", "--url", url] + arguments, input: keys, environment: ["XDG_CONFIG_HOME": home.path])
        #expect(result.status == 0, "\(result.errors)")
        return result
    }

    var savedDefault: String? {
        let text = (try? String(contentsOfFile: home.appendingPathComponent("ptero/config.toml").path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").first { $0.hasPrefix("default = ") }.map { String($0.dropFirst("default = ".count)) }
    }

    @Test func aFirstProfileBecomesTheDefaultAndLaterOnesOnlyWhenAsked() throws {
        let first = try login(["--profile", "staging"])
        #expect(first.output.contains("Saved profile staging in "))
        #expect(first.output.contains("it is the default profile (used when no --profile is given)."))
        #expect(savedDefault == "\"staging\"")

        let second = try login(["--profile", "prod"])
        #expect(second.output.contains("the default is still staging: use --profile prod, or make it the default with `ptero login --profile prod --default`."))
        #expect(savedDefault == "\"staging\"")

        let chosen = try login(["--profile", "prod", "--default"])
        #expect(chosen.output.contains("it is the default profile instead of staging"))
        #expect(savedDefault == "\"prod\"")
        withExtendedLifetime(sim) {}
    }

    @Test func plainLoginSavesTheDefaultProfile() throws {
        _ = try login(["--profile", "staging"])
        let plain = try login([])
        #expect(plain.output.contains("Saved profile default in "))
        #expect(plain.output.contains("it is the default profile instead of staging"))
        #expect(savedDefault == "\"default\"")
        // And a run with no --profile now uses it.
        let run = try PteroBinary.run(["-e", "print(servers.count > 0)"], environment: ["XDG_CONFIG_HOME": home.path])
        #expect(run.output == "true\n", "\(run.errors)")
        withExtendedLifetime(sim) {}
    }
}
