import PteroLang
import Testing
@testable import PteroRuntime

/// Panel objects as language values, read from the panel's envelopes.
struct ResourceTests {
    static let server = """
        {"object":"server","attributes":{"id":12,"uuid":"d3aac109-e5a0-4331-b03e-3454f7e136dc","identifier":"d3aac109",
        "name":"survival","suspended":false,"limits":{"memory":4096,"swap":0},"node":3,
        "relationships":{"allocations":{"object":"list","data":[{"object":"allocation","attributes":{"id":7,"ip":"10.0.0.5","port":25565,"alias":null}}]},
        "user":{"object":"null_resource","attributes":null}}}}
        """

    func run(_ code: String, with globals: [String: Value]) throws -> [String] {
        var printed: [String] = []
        let interpreter = Interpreter(output: { printed.append($0) })
        for (name, value) in globals { interpreter.globals.defineConstant(name, value) }
        _ = try interpreter.run(Source(name: "test", text: code))
        return printed.joined().split(separator: "\n").map(String.init)
    }

    @Test func aServerPrintsByIdAndNameAndHasThePanelsFields() throws {
        let server = try #require(Resource.fromEnvelope(try Value.parsingJSON(Self.server)))
        let output = try run("""
            print(s)
            print(type(s), s.name, s.limits.memory, s.suspended, s.node)
            print(s.allocations[0], s.allocations[0].port, s.user)
            """, with: ["s": server])
        #expect(output == [
            #"Server#12 "survival""#,
            "Server survival 4096 false 3",
            "Allocation#7 \"10.0.0.5\" 25565 null",
        ])
        #expect { try run("s.memory", with: ["s": server]) } throws: { ($0 as? RuntimeError)?.message == "Server has no field 'memory'" }
    }

    @Test func jsonGivesThePlainAttributesWithRelationships() throws {
        let server = try #require(Resource.fromEnvelope(try Value.parsingJSON(Self.server)))
        let output = try run("print(json(s.limits)); let j = parse_json(json(s)); print(j.allocations[0].port, j.name)",
                             with: ["s": server])
        #expect(output == [#"{"memory":4096,"swap":0}"#, "25565 survival"])
    }

    @Test func theSameObjectFetchedTwiceIsEqual() throws {
        let first = try #require(Resource.fromEnvelope(try Value.parsingJSON(Self.server)))
        let second = try #require(Resource.fromEnvelope(try Value.parsingJSON(Self.server)))
        let other = try #require(Resource.fromEnvelope(try Value.parsingJSON(#"{"object":"node","attributes":{"id":12,"name":"n"}}"#)))
        #expect(try run("print(a == b, a == c)", with: ["a": first, "b": second, "c": other]) == ["true false"])
    }

    @Test func unknownObjectsStillWork() throws {
        let value = try #require(Resource.fromEnvelope(try Value.parsingJSON(#"{"object":"websocket_thing","attributes":{"id":"x1","name":"n"}}"#)))
        #expect(try run("print(v, type(v))", with: ["v": value]) == [#"WebsocketThing#x1 "n" WebsocketThing"#])
    }
}
