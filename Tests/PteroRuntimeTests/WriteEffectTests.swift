import Foundation
import PteroKit
import PteroLang
import Synchronization
import Testing
@testable import PteroRuntime

/// Judging a write left in flight by a kill: each write the runtime sends
/// is built by the runtime itself (held back before it reaches the panel),
/// its effect probed on the simulated panel before and after the real
/// write is sent.
struct WriteEffectTests {
    /// What a probe should say.
    enum Expected: Sendable, Equatable {
        case notDone, unknown, doneWithAnswer, doneWithoutAnswer
    }

    /// One class of write: a script whose last write is the one judged.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// Writes made before the judged one (they reach the panel).
        var setupWrites = 0
        let script: String
        var before: Expected = .notDone
        var after: Expected = .doneWithAnswer
        var testDescription: String { name }
    }

    /// A Paper server that is not suspended: its egg's variables and files are known.
    static let paper = "let s = (servers where egg == 1 and not suspended).first\n"

    static let applicationCases: [Case] = [
        Case(name: "server details", script: paper + "s.update(name: \"renamed by test\", description: \"new words\")"),
        Case(name: "server build", script: paper + "s.build(memory: 4321, swap: 64, cpu: 150, threads: \"0-1\", oom_disabled: true, databases: 7, backups: 4)"),
        Case(name: "server build allocations", setupWrites: 1, script: paper + """
            let a = (nodes[s.node].allocations where not assigned).first
            s.build(allocations: 5)
            s.build(add_allocations: [a.id])
            """),
        Case(name: "server startup without skip_scripts seen", script: paper + "s.startup(startup: \"java -jar other.jar\", environment: {SERVER_JARFILE: \"paper.jar\"})",
             after: .unknown),
        Case(name: "server suspend", script: paper + "s.suspend()", after: .doneWithoutAnswer),
        Case(name: "server unsuspend", setupWrites: 1, script: paper + "s.suspend()\ns.unsuspend()", after: .doneWithoutAnswer),
        Case(name: "server delete", script: paper + "s.delete()", after: .doneWithoutAnswer),
        Case(name: "server delete force", script: paper + "s.delete(force: true)", after: .doneWithoutAnswer),
        Case(name: "server create by external id", script: paper + """
            let a = (nodes[s.node].allocations where not assigned).first
            servers.create(name: "made by test", user: s.user, egg: 1, docker_image: s.container.image, startup: s.container.startup_command,
                environment: {SERVER_JARFILE: "server.jar", BUILD_NUMBER: "latest"}, limits: {memory: 1024, swap: 0, disk: 2048, io: 500, cpu: 100},
                feature_limits: {databases: 1, backups: 1}, allocation: {default: a.id}, external_id: "test-ext-1")
            """),
        Case(name: "server create by allocation and name", script: paper + """
            let a = (nodes[s.node].allocations where not assigned).first
            servers.create(name: "made by test", user: s.user, egg: 1, docker_image: s.container.image, startup: s.container.startup_command,
                environment: {SERVER_JARFILE: "server.jar", BUILD_NUMBER: "latest"}, limits: {memory: 1024, swap: 0, disk: 2048, io: 500, cpu: 100},
                feature_limits: {databases: 1, backups: 1}, allocation: {default: a.id})
            """),
        Case(name: "user create", script: "users.create(email: \"New.Person@example.org\", username: \"newperson\", first_name: \"New\", last_name: \"Person\")"),
        Case(name: "user update", script: "users.first.update(first_name: \"Changed\", last_name: \"Name\")"),
        Case(name: "user delete", setupWrites: 1, script: """
            let u = users.create(email: "gone@example.org", username: "gone", first_name: "Go", last_name: "Ne")
            u.delete()
            """, after: .doneWithoutAnswer),
        Case(name: "node update", script: "nodes.first.update(name: \"renamed-node\", memory: 99999, maintenance_mode: true)"),
        Case(name: "node create", script: """
            nodes.create(name: "test-node", location_id: locations.first.id, fqdn: "node.test.example", scheme: "https", memory: 1024,
                memory_overallocate: 0, disk: 1024, disk_overallocate: 0, upload_size: 100, daemon_sftp: 2022, daemon_listen: 8080)
            """, after: .unknown),
        Case(name: "location create", script: "locations.create(short: \"test.loc\", long: \"A test location\")"),
        Case(name: "location update", script: "locations.first.update(long: \"Somewhere else\")"),
        Case(name: "location delete", setupWrites: 1, script: "locations.create(short: \"del.loc\", long: \"Doomed\").delete()",
             after: .doneWithoutAnswer),
        Case(name: "allocation create", script: "nodes.first.allocations.create(ip: \"10.9.9.9\", ports: [\"31000-31004\", \"31010\"])",
             after: .doneWithoutAnswer),
        Case(name: "allocation create one port", script: "nodes.first.allocations.create(ip: \"10.9.9.8\", ports: [\"31020\"], alias: \"a.test\")",
             after: .doneWithoutAnswer),
        Case(name: "allocation delete", script: "(nodes.first.allocations where not assigned).first.delete()", after: .doneWithoutAnswer),
        Case(name: "server database create", setupWrites: 1, script: paper + """
            s.build(databases: 10)
            s.databases.create(database: "effect_test", remote: "%", host: 1)
            """),
        Case(name: "server database delete", setupWrites: 2, script: paper + """
            s.build(databases: 10)
            s.databases.create(database: "effect_gone", remote: "%", host: 1).delete()
            """, after: .doneWithoutAnswer),
    ]

    static let clientCases: [Case] = [
        Case(name: "client rename", script: paper + "s.rename(name: \"client renamed\", description: \"by the client\")", after: .doneWithoutAnswer),
        Case(name: "client docker image", script: paper + "s.docker_image(docker_image: \"ghcr.io/pterodactyl/yolks:java_8\")",
             after: .doneWithoutAnswer),
        Case(name: "client startup variable", script: paper + "s.set_variable(key: \"BUILD_NUMBER\", value: \"123\")"),
        Case(name: "file write", script: paper + "s.files.write(path: \"/eula.txt\", content: \"eula=false\\n\")", after: .doneWithoutAnswer),
        Case(name: "file write of a new file", script: paper + "s.files.write(path: \"/plugins/new.yml\", content: \"a: 1\\n\")",
             after: .doneWithoutAnswer),
        Case(name: "file rename", script: paper + "s.files.rename(from: \"eula.txt\", to: \"eula.old\")", after: .doneWithoutAnswer),
        Case(name: "file delete", script: paper + "s.files.delete(files: [\"server.properties\", \"eula.txt\"])", after: .doneWithoutAnswer),
        Case(name: "folder create", script: paper + "s.files.create_folder(name: \"backups-here\", root: \"/plugins\")", after: .doneWithoutAnswer),
        Case(name: "file chmod", script: paper + "s.files.chmod(file: \"eula.txt\", mode: 600)", after: .doneWithoutAnswer),
        Case(name: "schedule create", script: paper + """
            s.schedules.create(name: "nightly test", minute: "0", hour: "3", day_of_month: "*", day_of_week: "*")
            """, after: .unknown),
        Case(name: "schedule update", setupWrites: 1, script: paper + """
            let c = s.schedules.create(name: "to change", minute: "0", hour: "3", day_of_month: "*", day_of_week: "*")
            c.update(name: "changed", minute: "15", hour: "4", day_of_month: "*", day_of_week: "1", is_active: false)
            """),
        Case(name: "schedule delete", setupWrites: 1, script: paper + """
            s.schedules.create(name: "to drop", minute: "0", hour: "3", day_of_month: "*", day_of_week: "*").delete()
            """, after: .doneWithoutAnswer),
        Case(name: "task create", setupWrites: 1, script: paper + """
            let c = s.schedules.create(name: "with a task", minute: "0", hour: "3", day_of_month: "*", day_of_week: "*")
            c.add_task(action: "command", payload: "say hi", time_offset: 0)
            """, after: .unknown),
        Case(name: "task update", setupWrites: 2, script: paper + """
            let c = s.schedules.create(name: "task to change", minute: "0", hour: "3", day_of_month: "*", day_of_week: "*")
            c.add_task(action: "command", payload: "say hi", time_offset: 0)
            s.schedules[c.id].tasks[0].update(action: "command", payload: "say bye", time_offset: 30)
            """),
        Case(name: "task delete", setupWrites: 2, script: paper + """
            let c = s.schedules.create(name: "task to drop", minute: "0", hour: "3", day_of_month: "*", day_of_week: "*")
            c.add_task(action: "command", payload: "say hi", time_offset: 0)
            s.schedules[c.id].tasks[0].delete()
            """, after: .doneWithoutAnswer),
        Case(name: "backup create", setupWrites: 1, script: paper + "s.build(backups: 10)\ns.backups.create(name: \"effect backup\")", after: .unknown),
        Case(name: "backup delete", setupWrites: 2, script: paper + "s.build(backups: 10)\ns.backups.create(name: \"doomed backup\").delete()",
             after: .doneWithoutAnswer),
        Case(name: "subuser create", script: paper + "s.subusers.create(email: \"helper@example.org\", permissions: [\"control.console\"])"),
        Case(name: "subuser update", setupWrites: 1, script: paper + """
            let h = s.subusers.create(email: "helper2@example.org", permissions: ["control.console"])
            h.update(permissions: ["control.console", "file.read"])
            """),
        Case(name: "subuser delete", setupWrites: 1, script: paper + """
            s.subusers.create(email: "helper3@example.org", permissions: ["control.console"]).delete()
            """, after: .doneWithoutAnswer),
        Case(name: "client database create", setupWrites: 1, script: paper + """
            s.build(databases: 10)
            client.all_servers.get(identifier: s.identifier).databases.create(database: "client_db", remote: "%")
            """),
        Case(name: "client database delete", setupWrites: 2, script: paper + """
            s.build(databases: 10)
            client.all_servers.get(identifier: s.identifier).databases.create(database: "client_gone", remote: "%").delete()
            """, after: .doneWithoutAnswer),
        Case(name: "network allocation notes", script: paper + "s.network.first.set_notes(notes: \"for the test\")"),
        Case(name: "account email", script: "account.update_email(email: \"moved@example.org\", password: \"password\")", after: .doneWithoutAnswer),
        Case(name: "ssh key remove", setupWrites: 1, script: """
            account.ssh_keys.create(name: "old", public_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f old")
            account.ssh_keys.first.delete()
            """, after: .doneWithoutAnswer),
        Case(name: "api key delete", setupWrites: 1, script: """
            account.api_keys.create(description: "short lived", allowed_ips: []).delete()
            """, after: .doneWithoutAnswer),
        Case(name: "network allocation delete", setupWrites: 2, script: paper + """
            s.build(allocations: 5)
            let a = (nodes[s.node].allocations where not assigned).first
            s.build(add_allocations: [a.id])
            (s.network where not is_default).first.delete()
            """, after: .doneWithoutAnswer),
        Case(name: "ssh key create", script: """
            account.ssh_keys.create(name: "laptop", public_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f test")
            """),
    ]

    @Test(arguments: applicationCases + clientCases)
    func aWriteIsNotDoneBeforeAndDoneAfter(_ test: Case) async throws {
        let harness = try await PanelHarness(servers: 12, gate: ActionTests.yes)
        let request = try await Self.heldBack(test, harness)
        let effect = try #require(WriteEffect.check(for: request), "no check for \(request.summary)")
        let before = try await Self.verdict(effect, harness)
        #expect(Self.kind(before) == test.before, "before \(request.summary): \(before)")
        let answer = try await harness.transport.send(request)
        #expect(answer.isSuccess, "\(request.summary) answered \(answer.status): \(String(decoding: answer.body, as: UTF8.self))")
        let after = try await Self.verdict(effect, harness)
        #expect(Self.kind(after) == test.after, "after \(request.summary): \(after)")
        if case .done(let shown?) = after {
            #expect(Self.canonical(shown) == Self.canonical(answer.body), "\(request.summary): the answer differs from the write's")
        }
        await harness.stop()
    }

    /// The panel requires `skip_scripts` on every startup write
    /// (app/Http/Requests/Api/Application/Servers/UpdateServerStartupRequest.php)
    /// but no read shows it, so the runtime's startup write is `.unknown`
    /// once done (above). The fields that are shown map right: the same
    /// write without `skip_scripts`, judged against the panel after the
    /// real one, is done and answers as the real one did.
    @Test func aStartupWriteIsSeenByItsCommandImageAndVariables() async throws {
        let harness = try await PanelHarness(servers: 12, gate: ActionTests.yes)
        let request = try await Self.heldBack(Case(name: "startup", script: Self.paper
            + "s.startup(startup: \"java -jar other.jar\", image: \"ghcr.io/pterodactyl/yolks:java_11\", environment: {SERVER_JARFILE: \"paper.jar\"})"),
            harness)
        let body = try #require(WrittenRequest.body(of: request))
        _ = body.remove(.string("skip_scripts"))
        var seen = request
        seen.body = .json(try JSONBody.encode(.map(body)))
        let effect = try #require(WriteEffect.check(for: seen))
        #expect(try await Self.verdict(effect, harness) == .notDone)
        let answer = try await harness.transport.send(request)
        #expect(answer.isSuccess, "\(String(decoding: answer.body, as: UTF8.self))")
        let after = try await Self.verdict(effect, harness)
        guard case .done(let shown?) = after else {
            Issue.record("after: \(after)")
            await harness.stop()
            return
        }
        #expect(Self.canonical(shown) == Self.canonical(answer.body))
        await harness.stop()
    }

    /// Set as primary: the allocation that was not primary becomes it.
    @Test func anAllocationMadePrimaryIsDoneOnceItIsTheDefault() async throws {
        let harness = try await PanelHarness(servers: 12, gate: ActionTests.yes)
        let request = try await Self.heldBack(Case(name: "primary", setupWrites: 2, script: Self.paper + """
            s.build(allocations: 5)
            let a = (nodes[s.node].allocations where not assigned).first
            s.build(add_allocations: [a.id])
            (s.network where not is_default).first.set_primary()
            """), harness)
        let effect = try #require(WriteEffect.check(for: request))
        #expect(try await Self.verdict(effect, harness) == .notDone)
        let answer = try await harness.transport.send(request)
        #expect(answer.isSuccess)
        let after = try await Self.verdict(effect, harness)
        guard case .done(let shown?) = after else {
            Issue.record("after: \(after)")
            await harness.stop()
            return
        }
        #expect(Self.canonical(shown) == Self.canonical(answer.body))
        await harness.stop()
    }

    /// Writes no read can show.
    @Test(arguments: [
        ("POST", "/api/application/servers/3/reinstall"), ("POST", "/api/client/servers/1a2b3c4d/power"),
        ("POST", "/api/client/servers/1a2b3c4d/command"), ("POST", "/api/client/servers/1a2b3c4d/backups/abc/restore"),
        ("POST", "/api/client/servers/1a2b3c4d/backups/abc/lock"), ("POST", "/api/client/servers/1a2b3c4d/schedules/4/execute"),
        ("POST", "/api/client/servers/1a2b3c4d/files/compress"), ("POST", "/api/client/servers/1a2b3c4d/files/copy"),
        ("POST", "/api/client/servers/1a2b3c4d/backups"), ("POST", "/api/client/account/api-keys"),
        ("POST", "/api/application/servers/3/databases/2/reset-password"), ("PUT", "/api/client/account/password"),
    ])
    func aWriteNoReadShowsHasNoCheck(_ method: String, _ path: String) {
        let request = PanelRequest(HTTPMethod(rawValue: method)!, path, body: .json(Data("{}".utf8)))
        #expect(WriteEffect.check(for: request) == nil)
    }

    @Test func whatMayBeResentBlindIsWhatSendingTwiceDoesOnce() {
        func idempotent(_ method: HTTPMethod, _ path: String) -> Bool { WriteEffect.isIdempotentByNature(PanelRequest(method, path)) }
        let client = "/api/client/servers/1a2b3c4d"
        #expect(idempotent(.post, client + "/power"))
        #expect(!idempotent(.post, client + "/command"))
        #expect(idempotent(.delete, "/api/application/servers/3"))
        #expect(idempotent(.patch, "/api/application/servers/3/build"))
        #expect(idempotent(.put, client + "/startup/variable"))
        #expect(idempotent(.post, "/api/application/servers/3/suspend"))
        #expect(!idempotent(.post, "/api/application/servers/3/reinstall"))
        #expect(!idempotent(.post, "/api/application/servers"))
        #expect(!idempotent(.post, "/api/application/users"))
        #expect(idempotent(.post, "/api/application/nodes/1/allocations"))
        #expect(idempotent(.post, client + "/files/write"))
        #expect(!idempotent(.put, client + "/files/rename"))
        #expect(!idempotent(.post, client + "/files/copy"))
        #expect(!idempotent(.post, client + "/files/compress"))
        #expect(!idempotent(.post, client + "/backups"))
        #expect(!idempotent(.post, client + "/backups/abc/lock"))
        #expect(idempotent(.post, client + "/schedules/4"))
        #expect(!idempotent(.post, client + "/schedules/4/execute"))
        #expect(!idempotent(.post, client + "/schedules/4/tasks"))
        #expect(idempotent(.post, client + "/settings/rename"))
        #expect(!idempotent(.put, "/api/client/account/password"))
    }

    // MARK: Judging answers made up here: fields, numbers, statuses.

    static func response(_ status: Int, _ json: String) -> PanelResponse {
        PanelResponse(status: status, headers: ["content-type": "application/json"], body: Data(json.utf8))
    }

    static func details(_ body: String) throws -> WriteEffect {
        try #require(WriteEffect.check(for: PanelRequest(.patch, "/api/application/servers/5/details", body: .json(Data(body.utf8)))))
    }

    @Test func aFieldTheObjectDoesNotShowMakesItUnknown() throws {
        let effect = try Self.details(#"{"name": "a", "colour": "red"}"#)
        #expect(effect.probe.path == "/api/application/servers/5" && effect.probe.method == .get)
        #expect(effect.judge(Self.response(200, #"{"object": "server", "attributes": {"name": "a"}}"#)) == .unknown)
        // A shown field that differs still says not done.
        #expect(effect.judge(Self.response(200, #"{"object": "server", "attributes": {"name": "b"}}"#)) == .notDone)
    }

    @Test func aWrongFieldIsNotDone() throws {
        let effect = try Self.details(#"{"name": "a", "user": 3, "external_id": null, "description": null}"#)
        let shown = #"{"object": "server", "attributes": {"name": "a", "user": 3, "external_id": null, "description": ""}}"#
        #expect(effect.judge(Self.response(200, shown)) == .done(answer: try JSONBody.encode(Value.parsingJSON(shown))))
        #expect(effect.judge(Self.response(200, #"{"object": "server", "attributes": {"name": "a", "user": 4, "external_id": null, "description": ""}}"#))
            == .notDone)
        #expect(effect.judge(Self.response(404, "{}")) == .unknown)
        #expect(effect.judge(Self.response(200, "<html>")) == .unknown)
    }

    @Test func numbersCompareAsThePanelShowsThem() throws {
        let build = try #require(WriteEffect.check(for: PanelRequest(.patch, "/api/application/servers/5/build", body: .json(Data(
            #"{"allocation": 9, "limits": {"memory": 4096, "threads": "2", "cpu": 100}, "oom_disabled": true, "feature_limits": {"databases": 2}}"#.utf8)))))
        let shown = #"{"object": "server", "attributes": {"allocation": 9, "limits": {"memory": "4096", "threads": 2, "cpu": 100, "oom_disabled": 1}, "feature_limits": {"databases": 2}}}"#
        guard case .done = build.judge(Self.response(200, shown)) else {
            Issue.record("4096 and \"4096\" should be the same memory")
            return
        }
        let smaller = shown.replacingOccurrences(of: #""memory": "4096""#, with: #""memory": "2048""#)
        #expect(build.judge(Self.response(200, smaller)) == .notDone)
        let other = shown.replacingOccurrences(of: #""databases": 2"#, with: #""databases": 3"#)
        #expect(build.judge(Self.response(200, other)) == .notDone)
        #expect(EffectCompare.sameScalar(.string("4096"), .string("04096")) == false)
        #expect(EffectCompare.sameScalar(.string("1e3"), .int(1000)) == false)
    }

    @Test func aDeleteAnswered404IsDone() throws {
        let effect = try #require(WriteEffect.check(for: PanelRequest(.delete, "/api/application/users/7")))
        #expect(effect.probe.path == "/api/application/users/7")
        #expect(effect.judge(Self.response(404, #"{"errors": []}"#)) == .done(answer: nil))
        #expect(effect.judge(Self.response(200, #"{"object": "user", "attributes": {"id": 7}}"#)) == .notDone)
        #expect(effect.judge(Self.response(500, "")) == .unknown)
        #expect(effect.judge(Self.response(429, "")) == .unknown)
    }

    @Test func aCreateSeenOnALaterPageIsUnknownNotAbsent() throws {
        let effect = try #require(WriteEffect.check(for: PanelRequest(.post, "/api/application/locations",
                                                                      body: .json(Data(#"{"short": "eu", "long": "Europe"}"#.utf8)))))
        #expect(effect.probe.query.contains(URLQueryItem(name: "filter[short]", value: "eu")))
        let partial = #"{"object": "list", "data": [{"object": "location", "attributes": {"short": "eu.west"}}], "meta": {"pagination": {"total": 150, "count": 100, "per_page": 100, "current_page": 1, "total_pages": 2}}}"#
        #expect(effect.judge(Self.response(200, partial)) == .unknown)
        let whole = partial.replacingOccurrences(of: #""total": 150"#, with: #""total": 1"#).replacingOccurrences(of: #""total_pages": 2"#, with: #""total_pages": 1"#)
        #expect(effect.judge(Self.response(200, whole)) == .notDone)
        let absurd = partial.replacingOccurrences(of: #""total_pages": 2"#, with: #""total_pages": -4"#)
        #expect(effect.judge(Self.response(200, absurd)) == .unknown)
    }

    // MARK: Helpers

    /// Runs the case's script, letting its setup writes through and
    /// holding back the next: the request the runtime built, unsent.
    static func heldBack(_ test: Case, _ harness: PanelHarness) async throws -> PanelRequest {
        let held = Mutex<(passed: Int, request: PanelRequest?)>((0, nil))
        let passing = test.setupWrites
        harness.transport.override.withLock {
            $0 = { request in
                guard request.method != .get else { return nil }
                return held.withLock { state in
                    if state.request != nil { return PanelResponse(status: 204) }
                    if state.passed < passing {
                        state.passed += 1
                        return nil
                    }
                    state.request = request
                    return PanelResponse(status: 204)
                }
            }
        }
        _ = try await harness.run(test.script)
        harness.transport.override.withLock { $0 = nil }
        return try #require(held.withLock { $0.request }, "\(test.name): no write was sent")
    }

    static func verdict(_ effect: WriteEffect, _ harness: PanelHarness) async throws -> WriteEffect.Verdict {
        effect.judge(try await harness.transport.send(effect.probe))
    }

    static func kind(_ verdict: WriteEffect.Verdict) -> Expected {
        switch verdict {
        case .notDone: .notDone
        case .unknown: .unknown
        case .done(let answer): answer == nil ? .doneWithoutAnswer : .doneWithAnswer
        }
    }

    /// JSON with its keys sorted, so two answers compare by content; a
    /// create's `meta.resource` link (the panel's own URL) and a new database's
    /// password (shown once, and a secret no journal may keep) no read gives back.
    static func canonical(_ data: Data) -> String? {
        guard let value = try? Value.parsingJSON(utf8: data) else { return nil }
        func strip(_ value: Value) {
            if case .map(let map) = value {
                if case .map(let related)? = map.value(forName: "relationships") {
                    _ = related.remove(.string("password"))
                    if related.count == 0 { _ = map.remove(.string("relationships")) }
                }
                if case .map(let meta)? = map.value(forName: "meta") {
                    _ = meta.remove(.string("resource"))
                    if meta.count == 0 { _ = map.remove(.string("meta")) }
                }
                for (_, item) in map.entries { strip(item) }
            } else if case .list(let list) = value {
                for item in list.items { strip(item) }
            }
        }
        strip(value)
        return (try? JSONBody.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}
