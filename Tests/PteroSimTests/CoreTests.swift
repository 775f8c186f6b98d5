import Testing
@testable import PteroSim

@Suite struct CoreTests {
    @Test func serializerKeepsOrderAndEscapesLikePHP() {
        let value: JSONValue = .object([("z", .int(1)), ("a", .string("http://x/\"y\"\n")), ("m", .array([.null, .bool(true), .double(1.5)]))])
        #expect(JSONSerializer.string(value) == #"{"z":1,"a":"http:\/\/x\/\"y\"\n","m":[null,true,1.5]}"#)
    }

    @Test func parserRoundTripsAndReportsPHPMessages() throws {
        let parsed = try JSONParser.parse(Array(#"{"b":[1,2.5,"\u00e9"],"a":{"x":null}}"#.utf8))
        #expect(keys(parsed) == ["b", "a"])
        #expect(parsed["b"]?.arrayValue?[2].stringValue == "é")
        #expect(throws: JSONParser.Failure(message: "Syntax error")) { try JSONParser.parse(Array("{\"a\":".utf8)) }
        #expect(throws: JSONParser.Failure(message: "Syntax error")) { try JSONParser.parse(Array("{} x".utf8)) }
        #expect(try JSONParser.parse(Array(#"["\ud83c\udfae"]"#.utf8)).arrayValue?[0].stringValue == "🎮")
        // A high surrogate whose partner is not a low one (U+D440 is a Hangul syllable).
        #expect(throws: JSONParser.Failure(message: "Single unpaired UTF-16 surrogate in unicode escape")) {
            try JSONParser.parse(Array(#"["\ud83c\ud440"]"#.utf8))
        }
    }

    @Test func timestampsUseBothPanelFormats() {
        #expect(Timestamp.iso(1_714_566_896) == "2024-05-01T12:34:56+00:00")
        #expect(Timestamp.laravel(1_714_566_896) == "2024-05-01T12:34:56.000000Z")
        #expect(Timestamp.iso(0) == "1970-01-01T00:00:00+00:00")
    }

    @Test func rateLimitOptionsParse() throws {
        let parsed = try RateLimitOptions(parsing: "app=10,client=20,window=1.5")
        #expect(parsed == RateLimitOptions(application: 10, client: 20, windowSeconds: 1.5))
        #expect(try RateLimitOptions(parsing: "off").enabled == false)
        #expect(try RateLimitOptions(parsing: "client=5").application == 240)
        #expect(throws: RateLimitOptions.ParseError.self) { try RateLimitOptions(parsing: "app=ten") }
        #expect(throws: RateLimitOptions.ParseError.self) { try RateLimitOptions(parsing: "speed=1") }
        do {
            _ = try RateLimitOptions(parsing: "window=-1")
            Issue.record("expected an error")
        } catch let error as RateLimitOptions.ParseError {
            #expect(error.description.contains("window must be a positive number"))
        }
    }

    @Test func seedIsDeterministicAndShapedLikeAPanel() {
        var options = SimulatorOptions()
        options.seed = 42
        let first = PanelStore.seed(options)
        let second = PanelStore.seed(options)
        #expect(first.servers.count == 60 && first.nodes.count == 5 && first.users.count == 20)
        #expect(first.sortedValues(first.servers).map(\.uuid) == second.sortedValues(second.servers).map(\.uuid))
        #expect(first.sortedValues(first.apiKeys).map(\.token) == second.sortedValues(second.apiKeys).map(\.token))
        let perNode = Dictionary(grouping: first.servers.values, by: \.nodeId).mapValues(\.count)
        #expect((1...5).allSatisfy { (perNode[$0] ?? 0) > 0 })
        #expect(Set(perNode.values).count > 1)
        #expect(first.servers.values.contains { $0.status == "suspended" })
        #expect(first.eggs.values.contains { $0.name == "Paper" } && first.eggs.values.contains { $0.name == "Rust" })
        options.seed = 43
        #expect(PanelStore.seed(options).servers[1]!.uuid != first.servers[1]!.uuid)
    }

    @Test(arguments: [(1, 3, 1), (1, 0, 2), (20, 500, 100)])
    func seedHandlesSmallAndLargePanels(nodes: Int, servers: Int, users: Int) {
        var options = SimulatorOptions()
        (options.nodes, options.servers, options.users) = (nodes, servers, users)
        let state = PanelStore.seed(options)
        #expect(state.servers.count == servers && state.nodes.count == nodes && state.users.count == users)
        #expect(state.servers.values.allSatisfy { state.allocations[$0.allocationId]?.serverId == $0.id })
    }

    @Test func seededKeysHaveTheDocumentedFormat() {
        let panel = SimulatedPanel(options: .testing())
        for key in [panel.applicationKey, panel.clientKey] {
            #expect(key.count == 48)
            #expect(key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" })
        }
        #expect(panel.applicationKey.hasPrefix("ptla_") && panel.clientKey.hasPrefix("ptlc_"))
    }

    @Test func virtualFileSystemNeverEscapesRoot() throws {
        #expect(VirtualFileSystem.normalize("../../etc/passwd") == "/etc/passwd")
        #expect(VirtualFileSystem.normalize("a/../../b", root: "/x") == "/b")
        var files = VirtualFileSystem(now: 0)
        try files.write("/a/b.txt", content: Array("hi".utf8), now: 1)
        #expect(try files.list("/").map(\.0) == ["a"])
        try files.copy("/a/b.txt", now: 2)
        #expect(try files.list("/a").map(\.0) == ["b copy.txt", "b.txt"])
        #expect(throws: VirtualFileSystem.Failure.self) { try files.read("/etc/passwd") }
    }

    @Test func validatorSizesFollowTheType() {
        let body: JSONValue = .object([("n", .int(5)), ("s", .string("abcdef")), ("a", .array([.int(1), .int(2)]))])
        let failures = Validator.failures(body, [
            FieldRules("n", [.integer, .max(3)]), FieldRules("s", [.string, .max(3)]), FieldRules("a", [.array, .max(1)]),
            FieldRules("missing", [.string]), FieldRules("present", [.present]),
        ])
        #expect(failures.map(\.detail) == [
            "The n may not be greater than 3.", "The s may not be greater than 3 characters.",
            "The a may not have more than 1 items.", "The present field must be present.",
        ])
    }

    @Test func eggRuleStringsParseIncludingRegexWithPipes() {
        let rules = RuleString.parse("required|regex:/^(a|b)$/|max:5")
        #expect(rules.map(\.name) == ["required", "regex", "max"])
    }

    @Test func hashesMatchKnownVectors() {
        #expect(MD5.hex(Array("abc".utf8)) == "900150983cd24fb0d6963f7d28e17f72")
        #expect(SHA1.hex(Array("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(Hex.encode(SHA256.digest(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(TOTP.code(secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", at: 59) == "287082")
    }

    @Test func cronNextRun() {
        let schedule = Schedule(id: 1, serverId: 1, name: "", minute: "30", hour: "4", dayOfMonth: "*", month: "*", dayOfWeek: "*",
                                isActive: true, isProcessing: false, onlyWhenOnline: false, lastRunAt: nil, createdAt: 0, updatedAt: 0)
        #expect(Cron.nextRun(schedule, after: 1_714_566_896).map(Timestamp.iso) == "2024-05-02T04:30:00+00:00")
        #expect(!Cron.isValid(minute: "61", hour: "*", dayOfMonth: "*", month: "*", dayOfWeek: "*"))
    }
}

@Suite struct LivingStateTests {
    @Test func powerStateAdvancesOnlyAtItsDeadline() {
        var state = PanelStore.seed(.testing())
        let id = state.sortedValues(state.servers).first { $0.power.phase == .offline }!.id
        state.timing.startSeconds = 10
        state.power(id, signal: "start", now: 100)
        state.advance(now: 109.9)
        #expect(state.servers[id]!.power.phase == .starting)
        state.advance(now: 110)
        #expect(state.servers[id]!.power.phase == .running)
        state.timing.stopSeconds = 5
        state.power(id, signal: "stop", now: 200)
        #expect(state.servers[id]!.power.phase == .stopping)
        state.advance(now: 205)
        #expect(state.servers[id]!.power.phase == .offline)
        #expect(state.pendingServers.isEmpty)
    }
}
