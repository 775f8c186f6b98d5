import Foundation
import Testing

/// `ptero check` on panel scripts (issue 12, item 9): it knows the panel's
/// globals, and the fields and methods a script names on them.
struct CheckPanelScriptTests {
    static let exampleNames = ["create-users.ptero", "move-servers.ptero", "raise-memory.ptero",
                               "rename-servers.ptero", "save-and-restart.ptero", "suspend-users.ptero"]

    @Test(arguments: exampleNames)
    func everyShippedExampleChecksClean(name: String) throws {
        let result = try PteroBinary.run(["check", ExampleRig.examples.appendingPathComponent(name).path])
        #expect(result.errors == "")
        #expect(result.status == 0)
    }

    @Test func theShippedExamplesAreTheOnesChecked() throws {
        let listed = try FileManager.default.contentsOfDirectory(atPath: ExampleRig.examples.path).filter { $0.hasSuffix(".ptero") }
        #expect(listed.sorted() == Self.exampleNames)
    }

    @Test func itIsTheElementInAWhereOnAPanelCollection() throws {
        let folder = try PteroBinary.temporaryFolder()
        let script = folder.appendingPathComponent("it.ptero")
        try """
            print((servers where it.node == 3 and it.name ~ "^mc").count)
            for s in servers where it.suspended { print(s) }
            """.write(to: script, atomically: true, encoding: .utf8)
        let result = try PteroBinary.run(["check", script.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty)
    }

    @Test func aMisspeltFieldOrMethodOnAPanelCollectionIsReported() throws {
        let folder = try PteroBinary.temporaryFolder()
        let script = folder.appendingPathComponent("typos.ptero")
        try """
            let target = 3
            print((servers where nmae == "x" and node == target).count)
            for s in nodes where s.id > 0 and memroy > 1024 { print(s) }
            servers.suspnd()
            print(servers.cuont)
            print((users where email ~ "@example" and root_admin).list)
            print((client.servers where suspendd).count, client.all_severs, account.emial)
            account.update_pasword(current_password: "a", password: "b", password_confirmation: "b")
            """.write(to: script, atomically: true, encoding: .utf8)
        let result = try PteroBinary.run(["check", script.path])
        #expect(result.status == 65)
        let errors = result.errors.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        #expect(errors == [
            "\(script.path):2:22: error: a server has no field 'nmae' (in a 'where' on servers); did you mean 'name'?",
            "\(script.path):3:35: error: a node has no field 'memroy' (in a 'where' on nodes); did you mean 'memory'?",
            "\(script.path):4:1: error: servers has no method 'suspnd'; did you mean 'suspend'?",
            "\(script.path):5:7: error: servers has no member 'cuont'; did you mean 'count'?",
            "\(script.path):7:29: error: a server has no field 'suspendd' (in a 'where' on client.servers); did you mean 'suspended'?",
            "\(script.path):7:46: error: client has no member 'all_severs'; did you mean 'all_servers'?",
            "\(script.path):7:65: error: account has no member 'emial'; did you mean 'email'?",
            "\(script.path):8:1: error: account has no method 'update_pasword'; did you mean 'update_password'?",
        ])
    }

    @Test func aScriptThatDeclaresTheNameUsesItsOwn() throws {
        let folder = try PteroBinary.temporaryFolder()
        let script = folder.appendingPathComponent("own.ptero")
        try """
            fn limit_of(s) { return s.limits.memory }
            let wanted = 2048
            print((servers where limits.memory >= wanted and node_ref.name != "x").count)
            print((servers where suspended).list.map(limit_of))
            """.write(to: script, atomically: true, encoding: .utf8)
        let result = try PteroBinary.run(["check", script.path])
        #expect(result.errors == "")
        #expect(result.status == 0)
    }
}
