import Foundation
import Hummingbird
import Testing
@testable import PteroSim

/// Egg export and import (Eggs/EggController.php, EggExporterService, EggImporterService at 235c8fb).
@Suite struct PelicanEggSharingTests {
    static func export(_ sim: SimHarness, egg: Int, format: String? = "json") async throws -> SimResult {
        try await sim.app(.get, "/eggs/\(egg)/export" + (format.map { "?format=\($0)" } ?? ""))
    }

    @Test func exportAnswersThePrettyJSONFileAsADownload() async throws {
        try await withSim(.pelican()) { sim in
            let (egg, variables) = sim.state { state in (state.eggs[1]!, state.variables(ofEgg: 1)) }
            let file = try await Self.export(sim, egg: 1)
            #expect(file.status == 200)
            #expect(file.header("Content-Type") == "application/json")
            #expect(file.header("Content-Disposition") == "attachment; filename=egg-\(PelicanEggSharing.kebabName(egg.name)).json")
            #expect(file.text.hasPrefix("{\n    \"_comment\": \"DO NOT EDIT: FILE GENERATED AUTOMATICALLY BY PANEL\",\n    \"meta\": {\n        \"version\": \"PLCN_v3\""))
            #expect(!file.text.contains("\\/"))
            #expect(keys(file.json) == ["_comment", "meta", "exported_at", "name", "author", "uuid", "description", "icon", "tags", "features",
                                        "docker_images", "file_denylist", "startup_commands", "config", "scripts", "variables"])
            #expect(file.json["uuid"]?.stringValue == egg.uuid)
            #expect(file.json["startup_commands"]?["Default"]?.stringValue == egg.startup)
            #expect(file.json["variables"]?.arrayValue?.count == variables.count)
            let first = file.json["variables"]?.arrayValue?.first
            #expect(keys(first) == ["name", "description", "env_variable", "default_value", "user_viewable", "user_editable", "rules", "sort"])
            #expect(first?["rules"]?.arrayValue?.compactMap(\.stringValue).joined(separator: "|") == variables.first?.rules)
        }
    }

    /// No `format` is YAML (`EggFormat::tryFrom(...) ?? YAML`); anything but yaml or json is a 422.
    @Test func exportIsYAMLUnlessAskedAndRefusesOtherFormats() async throws {
        try await withSim(.pelican()) { sim in
            let yaml = try await Self.export(sim, egg: 1, format: nil)
            #expect(yaml.status == 200)
            #expect(yaml.header("Content-Type") == "application/yaml")
            #expect(yaml.header("Content-Disposition")?.hasSuffix(".yaml") == true)
            #expect(yaml.text.hasPrefix("_comment: 'DO NOT EDIT: FILE GENERATED AUTOMATICALLY BY PANEL'\nmeta:\n  version: PLCN_v3\n  update_url: null\n"))
            #expect(yaml.text.contains("\nvariables:\n  -\n    name: "))
            #expect(yaml.text.contains("\nfile_denylist: {  }\n"))
            #expect(yaml.text.contains("    script: |\n      #!/bin/bash\n"))
            let asked = try await Self.export(sim, egg: 1, format: "yaml")
            func undated(_ text: String) -> [Substring] { text.split(separator: "\n").filter { !$0.hasPrefix("exported_at:") } }
            #expect(asked.status == 200 && undated(asked.text) == undated(yaml.text))
            let other = try await Self.export(sim, egg: 1, format: "xml")
            #expect(other.status == 422)
            #expect(other.firstError["meta"]?["source_field"]?.stringValue == "format")
            #expect(other.firstError["meta"]?["rule"]?.stringValue == "in")
            do { let status = try await Self.export(sim, egg: 9999).status; #expect(status == 404) }
        }
    }

    @Test func yamlScalarsAreQuotedAsSymfonyDoes() {
        #expect(PelicanEggYAML.inline(.string("Paper")) == "Paper")
        #expect(PelicanEggYAML.inline(.string("Java 21")) == "'Java 21'")
        #expect(PelicanEggYAML.inline(.string("ghcr.io/yolks:java_21")) == "'ghcr.io/yolks:java_21'")
        #expect(PelicanEggYAML.inline(.string("it's")) == "'it''s'")
        #expect(PelicanEggYAML.inline(.string("25565")) == "'25565'")
        #expect(PelicanEggYAML.inline(.string("true")) == "'true'")
        #expect(PelicanEggYAML.inline(.string("")) == "''")
        #expect(PelicanEggYAML.inline(.array([])) == "{  }")
        // yamlExport: a JSON text becomes its value, CRLF becomes LF.
        #expect(PelicanEggYAML.prepared(.string("{\"done\":\"ok\"}"), key: nil) == .object([("done", .string("ok"))]))
        #expect(PelicanEggYAML.prepared(.string("a\r\nb"), key: nil) == .string("a\nb"))
    }

    /// Export then import (without the uuid) makes a second egg equal to the first.
    @Test func anExportedEggImportsAsAnEqualEgg() async throws {
        try await withSim(.pelican()) { sim in
            let file = try await Self.export(sim, egg: 1)
            let withoutUUID = file.text.replacingOccurrences(of: "\"uuid\": \"\(file.json["uuid"]!.stringValue!)\",\n", with: "")
            #expect(withoutUUID != file.text)
            let before = sim.state { $0.eggs.count }
            let imported = try await sim.request(.post, "/api/application/eggs/import", key: sim.appKey, json: withoutUUID)
            #expect(imported.status == 201)
            #expect(imported.json["object"]?.stringValue == "egg")
            #expect(!keys(imported.attributes).contains("nest") && keys(imported.attributes).contains("startup_commands"))
            let newId = try #require(imported.attributes["id"]?.intValue)
            #expect(newId != 1 && sim.state { $0.eggs.count } == before + 1)
            let (original, copy) = sim.state { state in (state.eggs[1]!, state.eggs[newId]!) }
            #expect(copy.uuid != original.uuid)
            #expect(copy.name == original.name && copy.author == original.author && copy.description == original.description)
            #expect(copy.dockerImages.map(\.0) == original.dockerImages.map(\.0) && copy.dockerImages.map(\.1) == original.dockerImages.map(\.1))
            #expect(copy.startup == original.startup && copy.configStop == original.configStop)
            #expect(copy.configStartupDone == original.configStartupDone && copy.configFiles == original.configFiles)
            #expect(copy.installScript == original.installScript && copy.installContainer == original.installContainer)
            #expect(copy.tags == original.tags && copy.features == original.features)
            let (originalVariables, copiedVariables) = sim.state { state in (state.variables(ofEgg: 1), state.variables(ofEgg: newId)) }
            #expect(copiedVariables.map(\.envVariable) == originalVariables.map(\.envVariable))
            #expect(copiedVariables.map(\.defaultValue) == originalVariables.map(\.defaultValue))
            #expect(copiedVariables.map(\.rules) == originalVariables.map(\.rules))
            #expect(copiedVariables.map(\.userEditable) == originalVariables.map(\.userEditable))
            // The second export is the first but for the uuid and the time.
            let again = try await Self.export(sim, egg: newId)
            #expect(again.json["variables"] == file.json["variables"] && again.json["config"] == file.json["config"])
        }
    }

    /// A file with an egg's uuid replaces that egg: same id, its variables those of the file.
    @Test func importingAnExistingUUIDReplacesThatEgg() async throws {
        try await withSim(.pelican()) { sim in
            let file = try await Self.export(sim, egg: 1)
            guard case .object(var pairs) = file.json else { Issue.record("not an object"); return }
            pairs = pairs.map { key, value in
                switch key {
                case "name": return (key, .string("Renamed"))
                case "variables": return (key, .array(Array((value.arrayValue ?? []).prefix(1))))
                default: return (key, value)
                }
            }
            let before = sim.state { $0.eggs.count }
            let imported = try await sim.request(.post, "/api/application/eggs/import", key: sim.appKey,
                                                 json: JSONSerializer.string(.object(pairs)))
            #expect(imported.status == 201)
            #expect(imported.attributes["id"]?.intValue == 1)
            #expect(sim.state { $0.eggs.count } == before)
            #expect(sim.state { $0.eggs[1]!.name } == "Renamed")
            #expect(sim.state { $0.variables(ofEgg: 1).count } == min(1, file.json["variables"]?.arrayValue?.count ?? 0))
        }
    }

    @Test func importRefusesWhatIsNotAnEggFile() async throws {
        try await withSim(.pelican()) { sim in
            let path = "/api/application/eggs/import"
            let text = try await sim.request(.post, path, key: sim.appKey, raw: Array("name: x".utf8), contentType: "application/yaml")
            #expect(text.status == 400 && text.errorCode == "InvalidFileUploadException")
            #expect(text.errorDetail?.hasPrefix("File parse failed: ") == true)
            let unknown = try await sim.request(.post, path, key: sim.appKey, json: #"{"meta":{"version":"PTDL_v9"},"name":"x"}"#)
            #expect(unknown.status == 400 && unknown.errorDetail == "The file format is not recognized.")
            let malformed = try await sim.request(.post, path, key: sim.appKey, json: #"{"meta":"#)
            #expect(malformed.status == 400 && malformed.errorCode == "BadRequestHttpException")
            let empty = try await sim.request(.post, path, key: sim.appKey, json: #"{"meta":{"version":"PLCN_v3"}}"#)
            #expect(empty.status == 500 && empty.errorCode == "DataValidationException")
            #expect(empty.errorDetail?.contains("The name field is required.") == true)
            let readOnly = sim.state { $0.sortedValues($0.apiKeys).first { $0.description == "Read-only application key" }!.token }
            let denied = try await sim.request(.post, path, key: readOnly, json: #"{"meta":{"version":"PLCN_v3"}}"#)
            #expect(denied.status == 403)
            do { let status = try await sim.request(.get, "/api/application/eggs/1/export", key: readOnly).status; #expect(status == 200) }
        }
    }

    /// `convertToV3`: an older file's single `startup` is `startup_commands.Default`.
    @Test func anOlderFileIsUpgraded() async throws {
        try await withSim(.pelican()) { sim in
            let old = #"{"meta":{"version":"PTDL_v2"},"name":"Old","author":"old@example.com","docker_images":{"Java":"java:17"},"#
                + #""startup":"java -jar server.jar","config":{"files":"{}","startup":"{\"done\":\"Done\"}","logs":"{}","stop":"stop"},"#
                + #""scripts":{"installation":{"script":"echo","container":"debian","entrypoint":"bash"}},"#
                + #""variables":[{"name":"Port","description":"","env_variable":"port","default_value":25565,"user_viewable":true,"user_editable":false,"rules":"required|integer"}]}"#
            let imported = try await sim.request(.post, "/api/application/eggs/import", key: sim.appKey, json: old)
            #expect(imported.status == 201)
            #expect(imported.attributes["startup_commands"]?["Default"]?.stringValue == "java -jar server.jar")
            let id = try #require(imported.attributes["id"]?.intValue)
            let (egg, variables) = sim.state { state in (state.eggs[id]!, state.variables(ofEgg: id)) }
            #expect(egg.configStartupDone == "Done" && egg.configStop == "stop")
            // No reserved name, so the names are kept as written (`parse` upper-cases only then).
            #expect(variables.map(\.envVariable) == ["port"] && variables.first?.defaultValue == "25565" && variables.first?.rules == "required|integer")
        }
    }

    /// A variable named as one the panel sets itself (`RESERVED_ENV_NAMES`) is `SERVER_…`,
    /// and so is each whole word of it in the startup commands.
    @Test func reservedVariableNamesAreRenamed() throws {
        let file = #"{"meta":{"version":"PLCN_v3"},"startup_commands":{"Default":"run --tz {{TZ}} TZX"},"#
            + #""variables":[{"env_variable":"tz","name":"Zone"},{"env_variable":"port","name":"Port"}]}"#
        let parsed = try PelicanEggSharing.parse(Array(file.utf8))
        #expect(parsed["variables"]?.arrayValue?.compactMap { $0["env_variable"]?.stringValue } == ["PORT", "SERVER_TZ"])
        #expect(parsed["startup_commands"]?["Default"]?.stringValue == "run --tz {{SERVER_TZ}} TZX")
    }
}
