import Testing
@testable import PteroSim

/// The sim's own IP and query-string parsing, held to what PHP (and so the panel) does.
@Suite struct HandWrittenCheckTests {
    @Test(arguments: ["1:2:3", ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::1", "::1%eth0", "::g", "1.2.3.4:5"])
    func malformedIPv6IsRefused(_ text: String) {
        #expect(!IPAddress.isValid(text))
        #expect(!IPAddress.isValidRange(text))
    }

    @Test(arguments: ["::", "::1", "2001:db8::1", "1:2:3:4:5:6:7:8", "::ffff:192.0.2.1", "fe80::", "1.2.3.4", "255.255.255.255"])
    func wellFormedAddressesAreAccepted(_ text: String) {
        #expect(IPAddress.isValid(text))
    }

    @Test func cidrPrefixIsDecimalAndWithinTheAddressWidth() {
        #expect(IPAddress.isValidRange("10.0.0.0/32"))
        #expect(IPAddress.isValidRange("2001:db8::/128"))
        #expect(!IPAddress.isValidRange("10.0.0.0/33"))
        #expect(!IPAddress.isValidRange("2001:db8::/129"))
        #expect(!IPAddress.isValidRange("10.0.0.0/+8"))
        #expect(!IPAddress.isValidRange("10.0.0.0/"))
        #expect(!IPAddress.isValidRange("1:2:3/64"))
        #expect(!IPAddress.isValidRange("01.2.3.4/8"))
    }

    @Test func apiKeyAllowListRefusesMalformedIPv6() async throws {
        try await withSim { sim in
            let result = try await sim.user(.post, "/account/api-keys", json: #"{"description":"x","allowed_ips":["::1",":::"]}"#)
            #expect(result.status == 422)
            #expect(result.errors.count == 1)
            #expect(result.firstError["meta"]?["source_field"]?.stringValue == "allowed_ips.1")
            #expect(result.errorDetail == #"":::" is not a valid IP address or CIDR range."#)
        }
    }

    @Test func malformedPercentEscapesKeepTheirBytes() {
        #expect(QueryParameters.decode("%zz") == "%zz")
        #expect(QueryParameters.decode("a%2") == "a%2")
        #expect(QueryParameters.decode("%") == "%")
        #expect(QueryParameters.decode("100%25+sure") == "100% sure")
        #expect(QueryParameters.decode("%e2%9c%93") == "✓")
    }

    @Test func namesFollowPHPBracketRules() {
        let query = QueryParameters("per.page=5&filter%5Bname%5D=a&filter[name]=b&filter[email=c&filter[uuid][]=x&filter[uuid][]=y&=skipped&filter[id]tail=7")
        #expect(query["per_page"] == "5")
        #expect(query["filter_email"] == "c")
        #expect(query.bracketed("filter").map { "\($0.0)=\($0.1)" } == ["name=b", "uuid=x,y", "id=7"])
        #expect(!query.pairs.contains { $0.0.isEmpty })
    }

    @Test func unknownFilterNameIsReportedWithItsBytes() async throws {
        try await withSim { sim in
            let result = try await sim.app(.get, "/locations?filter[na%zzme]=x")
            #expect(result.status == 400)
            #expect(result.errorDetail == "Requested filter(s) `na%zzme` are not allowed. Allowed filter(s) are `short, long`.")
        }
    }

    @Test func queryPairsAreBoundedLikeMaxInputVars() {
        let query = QueryParameters((0..<1500).map { "p\($0)=1" }.joined(separator: "&"))
        #expect(query.pairs.count == PHPQueryString.maximumPairs)
    }
}
