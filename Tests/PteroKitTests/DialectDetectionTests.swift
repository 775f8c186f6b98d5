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

    @Test func anAnswerThatTellsNothingIsAnErrorThatSaysHowToNameIt() {
        for status in [302, 418, 422, 500] {
            #expect(throws: DetectionError.self) { try DialectDetection.dialect(answering: status) }
        }
        let text = DetectionError(status: 418).description
        #expect(text.contains("answered 418") && text.contains("panel = \"pterodactyl-1\" or \"pterodactyl-0.7\"") && text.contains("PTERO_PANEL"), "\(text)")
    }

    @Test func oneRequestWithTheClientKeyWhenThereIsOne() async throws {
        let seen = Mutex<[PanelRequest]>([])
        let transport = ScriptedTransport { request, _ in
            seen.withLock { $0.append(request) }
            return PanelResponse(status: 404)
        }
        let dialect = try await DialectDetection.detect(using: Executor(transport: transport), hasClientKey: true)
        #expect(dialect == .pterodactyl07)
        let requests = seen.withLock { $0 }
        #expect(requests.map(\.summary) == ["GET /api/client/account"])
        #expect(requests.first?.api == .client)
        #expect(DialectDetection.probe(hasClientKey: false).api == .application)
    }

    /// A 500 is not retried by the executor; a passing one must not make
    /// the run fail, a lasting one must.
    @Test func aPassingFiveHundredIsAskedAgainALastingOneIsAnError() async throws {
        let passing = ScriptedTransport { _, attempt in PanelResponse(status: attempt < 2 ? 500 : 401) }
        #expect(try await DialectDetection.detect(using: Executor(transport: passing), hasClientKey: false) == .pterodactyl1)
        let lasting = ScriptedTransport(status: 500)
        await #expect(throws: DetectionError.self) {
            try await DialectDetection.detect(using: Executor(transport: lasting), hasClientKey: false)
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
            "\(error)".contains("is not a panel ptero knows: pterodactyl-0.7, pterodactyl-1")
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
