import Foundation
import PteroKit
import Testing

/// The one JSON body encoder: keys in their order, escaping, numbers, nesting.
struct OrderedJSONTests {
    static func text(_ value: OrderedJSON) throws -> String { String(decoding: try value.encoded(), as: UTF8.self) }

    @Test func objectsKeepTheirKeyOrder() throws {
        let value = OrderedJSON.object([("name", .string("n")), ("user", .int(1)), ("egg", .int(2)), ("a", .null)])
        #expect(try Self.text(value) == #"{"name":"n","user":1,"egg":2,"a":null}"#)
    }

    @Test func stringsAreEscapedAsJSONNeeds() throws {
        #expect(try Self.text(.string("a\"b\\c/d")) == #""a\"b\\c/d""#)
        #expect(try Self.text(.string("\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}")) == #""\n\r\t\b\f\u0001\u001f\u007f""#)
        #expect(try Self.text(.string("café ✓ 😀 \u{2028}")) == "\"café ✓ 😀 \u{2028}\"")
        // Whatever it writes, a JSON reader gives back the same text.
        let awkward = "x\u{00}\"\\/\u{1B}é😀"
        let data = try OrderedJSON.array([.string(awkward)]).encoded()
        #expect(try JSONSerialization.jsonObject(with: data) as? [String] == [awkward])
    }

    @Test func integersAndDoublesStayWhatTheyAre() throws {
        #expect(try Self.text(.array([.int(5), .double(5), .double(5324.8), .int(Int.max), .int(Int.min)]))
                == "[5,5.0,5324.8,\(Int.max),\(Int.min)]")
        #expect(try Self.text(.double(1e300)) == "1e+300")
        #expect(try Self.text(.double(-1e-7)) == "-1e-07")
        let big = try JSONSerialization.jsonObject(with: try OrderedJSON.double(1e300).encoded(), options: .fragmentsAllowed) as? Double
        #expect(big == 1e300)
        #expect(throws: UnencodableNumber.self) { try OrderedJSON.double(.nan).encoded() }
        #expect(throws: UnencodableNumber.self) { try OrderedJSON.array([.double(.infinity)]).encoded() }
    }

    @Test func nestingAndEmptiness() throws {
        let value = OrderedJSON.object([("limits", .object([("memory", .int(1)), ("cpu", .int(0))])),
                                        ("ids", .array([.int(1), .array([]), .object([OrderedJSON.Member]())])), ("ok", .bool(true))])
        #expect(try Self.text(value) == #"{"limits":{"memory":1,"cpu":0},"ids":[1,[],{}],"ok":true}"#)
        #expect(try RequestBody.json(ordered: value) == .json(try value.encoded()))
    }

    @Test func typedBodiesAreSentInTheirFieldsOrder() throws {
        let server = NewServer(name: "n", user: 1, egg: 2, dockerImage: "i", startup: "s", environment: ["B": "2", "A": "1"],
                               limits: ServerLimitsBody(memory: 1, swap: 0, disk: 2, io: 500, cpu: 0),
                               featureLimits: ServerFeatureLimitsBody(databases: nil, backups: 2),
                               allocation: ServerAllocationChoice(defaultAllocation: 3))
        let text = String(decoding: try RequestBody.encoding(server).data, as: UTF8.self)
        #expect(text.hasPrefix(#"{"name":"n","user":1,"egg":2,"docker_image":"i","startup":"s","environment":{"A":"1","B":"2"},"#), "\(text)")
        #expect(text.contains(#""feature_limits":{"databases":null,"backups":2}"#), "\(text)")
        // A dictionary has no order: its keys are sorted, so the bytes are always the same.
        #expect(String(decoding: try RequestBody.encoding(["z": 1, "a": 2, "m": 3]).data, as: UTF8.self) == #"{"a":2,"m":3,"z":1}"#)
    }
}
