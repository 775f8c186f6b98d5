import Foundation
import Testing

/// Runs every `Tests/PanelScripts/*.ptero` with `ptero --yes FILE` against a
/// `ptero sim` of each dialect, so one script shows what each panel does
/// with it. What it prints must equal its `# expect: LINE` comments, and its
/// errors its `# expect error: MESSAGE` comments, each on its own line, as
/// in `Tests/Scripts`. A comment may name the dialects it holds for:
/// `# expect[pterodactyl-0.7]: LINE` or `# expect error[pelican,
/// pterodactyl-0.7]: MESSAGE`; a comment without names holds for every
/// dialect. The panel is not named to ptero: each run finds it by asking,
/// as a first run against a real panel does. The sim is reset between
/// scripts.
struct PanelGoldenTests {
    /// The dialects, by the name `ptero sim --panel` takes.
    static let dialects = ["pterodactyl-1.11", "pterodactyl-0.7", "pelican"]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PanelScripts")

    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".ptero") }.sorted()
    }()

    @Test func thereAreScripts() {
        #expect(Self.scripts.count >= 6)
    }

    @Test(arguments: dialects)
    func scriptsAgainst(_ dialect: String) throws {
        let sim = try SimProcess(arguments: ["--panel", dialect, "--seed", "1", "--rate-limit", "off"])
        let url = try #require(sim.url, "\(sim.banner)")
        let applicationKey = try #require(sim.applicationKey, "\(sim.banner)")
        let clientKey = try #require(sim.clientKey, "\(sim.banner)")
        let home = try PteroBinary.temporaryFolder()
        let environment = ["PTERO_APP_KEY": applicationKey, "PTERO_CLIENT_KEY": clientKey, "XDG_CONFIG_HOME": home.path]
        for name in Self.scripts {
            _ = try ExampleRig.get(url + "/_sim/reset", key: applicationKey, method: "POST")
            let file = Self.folder.appendingPathComponent(name)
            let text = try String(contentsOf: file, encoding: .utf8)
            let expected = PanelGoldenExpectation(text, dialect: dialect)
            let run = try PteroBinary.run(["--url", url, "--yes", name], environment: environment, directory: Self.folder)
            var output = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if output.last == "" { output.removeLast() }
            #expect(output == expected.output, "\(name) on \(dialect): output\n\(run.errors)")
            let errors = PanelGoldenExpectation.errors(in: run.errors, file: name)
            #expect(errors == expected.errors, "\(name) on \(dialect): errors\n\(run.errors)")
            #expect((run.status == 0) == expected.errors.isEmpty, "\(name) on \(dialect): exit status \(run.status)")
            #expect(!(run.output + run.errors).contains(applicationKey) && !(run.output + run.errors).contains(clientKey), "\(name): a key was shown")
        }
        withExtendedLifetime(sim) {}
    }
}

/// What a panel script says it prints and fails with on one dialect.
struct PanelGoldenExpectation {
    var output: [String] = []
    /// `LINE: MESSAGE`, in order.
    var errors: [String] = []

    init(_ text: String, dialect: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            guard let mark = line.range(of: "# expect") else { continue }
            var rest = line[mark.upperBound...]
            let isError = rest.hasPrefix(" error")
            if isError { rest = rest.dropFirst(" error".count) }
            if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]") else { continue }
                let names = rest[rest.index(after: rest.startIndex)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                guard names.contains(dialect) else { continue }
                rest = rest[rest.index(after: close)...]
            }
            guard rest.hasPrefix(":") else { continue }
            rest = rest.dropFirst()
            if rest.hasPrefix(" ") { rest = rest.dropFirst() }
            if isError { errors.append("\(index + 1): \(rest)") } else { output.append(String(rest)) }
        }
    }

    /// `FILE:LINE:COL: error: MESSAGE` lines of `stderr` as `LINE: MESSAGE`;
    /// an error with no place counts as line 0.
    static func errors(in stderr: String, file: String) -> [String] {
        stderr.split(separator: "\n").compactMap { line -> String? in
            if line.hasPrefix(file + ":") {
                let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
                guard parts.count == 5, parts[3] == " error" else { return nil }
                return "\(parts[1]): \(parts[4].dropFirst())"
            }
            if line.hasPrefix("error: ") { return "0: \(line.dropFirst("error: ".count))" }
            return nil
        }
    }
}
