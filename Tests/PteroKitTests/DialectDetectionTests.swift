import Foundation
@testable import PteroKit
import Synchronization
import Testing

/// Which panel answers at a URL: one request, read from the panel's own
/// answer (v0.7.19 has no `/api/client/account`; every 1.x has it), and
/// the profile setting that names it instead.
struct DialectDetectionTests {
    @Test(arguments: [(404, PanelDialect.pterodactyl07), (200, .pterodactyl1), (401, .pterodactyl1), (403, .pterodactyl1)])
    func theProbesAnswerNamesTheDialect(status: Int, dialect: PanelDialect) throws {
        #expect(try DialectDetection.dialect(answering: status) == dialect)
    }

    @Test(arguments: [(404, PanelDialect.pterodactyl1), (200, .pelican), (401, .pelican), (403, .pelican)])
    func theSecondProbeTellsPelicanFromPterodactyl(status: Int, dialect: PanelDialect) throws {
        #expect(try DialectDetection.fork(answering: status) == dialect)
    }

    @Test func anAnswerThatTellsNothingIsAnErrorThatSaysHowToNameIt() {
        for status in [302, 418, 422, 500] {
            #expect(throws: DetectionError.self) { try DialectDetection.dialect(answering: status) }
            #expect(throws: DetectionError.self) { try DialectDetection.fork(answering: status) }
        }
        let text = DetectionError(request: "GET /api/client/account", status: 418).description
        #expect(text.contains("GET /api/client/account answered 418") && text.contains("\"pelican\"") && text.contains("PTERO_PANEL"), "\(text)")
    }

    /// What a fake panel was asked.
    final class Seen: Sendable {
        let requests = Mutex<[PanelRequest]>([])
    }

    /// Answers like each panel's router: a route it has not got is 404.
    static func panel(_ dialect: PanelDialect, seen: Seen) -> ScriptedTransport {
        ScriptedTransport { request, _ in
            seen.requests.withLock { $0.append(request) }
            let has = dialect.table.endpoints.contains { $0.method == request.method && $0.path == request.path }
            return PanelResponse(status: has ? 403 : 404)
        }
    }

    @Test(arguments: PanelDialect.allCases)
    func eachPanelIsFoundWithOneRequestOrTwo(dialect: PanelDialect) async throws {
        let seen = Seen()
        let found = try await DialectDetection.detect(using: Executor(transport: Self.panel(dialect, seen: seen)),
                                                      hasApplicationKey: true, hasClientKey: true)
        #expect(found == dialect)
        let requests = seen.requests.withLock { $0 }
        let expected = dialect == .pterodactyl07 ? ["GET /api/client/account"] : ["GET /api/client/account", "GET /api/application/eggs"]
        #expect(requests.map(\.summary) == expected)
        #expect(requests.first?.api == .client)
        #expect(requests.dropFirst().first.map { $0.api == .application } != false)
        #expect(DialectDetection.probe(hasClientKey: false).api == .application)
        #expect(DialectDetection.forkProbe(hasApplicationKey: false).api == .client)
    }

    /// A 500 is not retried by the executor; a passing one must not make
    /// the run fail, a lasting one must.
    @Test func aPassingFiveHundredIsAskedAgainALastingOneIsAnError() async throws {
        let passing = ScriptedTransport { _, attempt in PanelResponse(status: attempt < 2 ? 500 : attempt == 2 ? 401 : 404) }
        #expect(try await DialectDetection.detect(using: Executor(transport: passing), hasApplicationKey: true, hasClientKey: false) == .pterodactyl1)
        let lasting = ScriptedTransport(status: 500)
        await #expect(throws: DetectionError.self) {
            try await DialectDetection.detect(using: Executor(transport: lasting), hasApplicationKey: true, hasClientKey: false)
        }
    }

    @Test func theNamesAProfileMayGive() {
        #expect(PanelDialect.named("pterodactyl-0.7") == .pterodactyl07)
        #expect(PanelDialect.named(" Pterodactyl-1 ") == .pterodactyl1)
        #expect(PanelDialect.named("pterodactyl-1.11") == .pterodactyl1)
        #expect(PanelDialect.named("pterodactyl-1.0") == .pterodactyl1)
        #expect(PanelDialect.named("pterodactyl-1.12") == nil)
        #expect(PanelDialect.named("pterodactyl-2") == nil)
        #expect(PanelDialect.named("") == nil)
    }

    @Test func theProfileKeepsThePanelAndRefusesOneItDoesNotKnow() throws {
        let file = try ConfigurationFile.parse("""
            [profiles.old]
            url = "https://old.example.com"
            panel = "pterodactyl-0.7"
            """, path: "config.toml")
        #expect(file.profiles.first?.panel == .pterodactyl07)
        #expect(file.text.contains("panel = \"pterodactyl-0.7\"\n"), "\(file.text)")
        #expect(try ConfigurationFile.parse(file.text, path: "again.toml") == file)
        #expect {
            try ConfigurationFile.parse("[profiles.p]\npanel = \"wings\"\n", path: "c.toml")
        } throws: { error in
            "\(error)".contains("is not a panel ptero knows: pterodactyl-0.7, pterodactyl-1, pelican")
        }
        #expect(throws: ConfigurationError.self) { try ConfigurationFile.parse("[profiles.p]\npanel = 7\n", path: "c.toml") }
    }

    @Test func thePanelEnvironmentVariableWinsAndAnotherURLForgetsTheSavedOne() throws {
        var saved = Profile(name: "old", url: URL(string: "https://old.example.com"), applicationKey: "ptla_" + String(repeating: "a", count: 43))
        saved.panel = .pterodactyl07
        let file = ConfigurationFile(defaultProfile: "old", profiles: [saved])
        #expect(try ProfileSelection.select(named: nil, file: file, environment: [:]).panel == .pterodactyl07)
        #expect(try ProfileSelection.select(named: nil, file: file, environment: ["PTERO_PANEL": "pterodactyl-1"]).panel == .pterodactyl1)
        let elsewhere = try ProfileSelection.select(named: nil, file: file, environment: ["PTERO_APP_KEY": "ptla_" + String(repeating: "b", count: 43)],
                                                    url: "https://new.example.com")
        #expect(elsewhere.panel == nil)
        #expect(throws: ConfigurationError.self) {
            try ProfileSelection.select(named: nil, file: file, environment: ["PTERO_PANEL": "pelican-9"])
        }
    }
}
