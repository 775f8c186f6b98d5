import Hummingbird
import Testing
@testable import PteroSim

/// Every endpoint of the reference table (`pterodactyl-endpoints.tsv`), checked for
/// existence and for the panel's answer without credentials.
@Suite struct EndpointTableTests {
    static let endpoints = ReferenceEndpoints.rows

    @Test func tableHas111Endpoints() {
        #expect(Self.endpoints.count == 111)
        #expect(Set(Self.endpoints).count == 111)
    }

    @Test func everyEndpointIsRouted() {
        let table = RouteTable(ApplicationRoutes.all + ClientRoutes.all)
        for endpoint in Self.endpoints {
            let parts = endpoint.split(separator: " ")
            let path = parts[1].replacingOccurrences(of: "{external_id}", with: "x").replacingOccurrences(of: "{identifier}", with: "x")
            switch table.lookup(method: String(parts[0]), path: path) {
            case .found(let route, _):
                #expect(route.pattern == String(parts[1]) || route.pattern.hasSuffix("{force}"), "\(endpoint) matched \(route.pattern)")
            default:
                Issue.record("\(endpoint) is not routed")
            }
        }
    }

    @Test func everyEndpointAnswers401WithoutAKey() async throws {
        try await withSim { sim in
            let server = sim.state { $0.servers[1]!.identifier }
            for endpoint in Self.endpoints {
                let parts = endpoint.split(separator: " ")
                let path = parts[1].replacingOccurrences(of: "{server}", with: parts[1].hasPrefix("/api/client") ? server : "1")
                    .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
                let method = HTTPRequest.Method(String(parts[0]))!
                let result = try await sim.request(method, path, key: nil, json: method == .get ? nil : "{}")
                #expect(result.status == 401, "\(endpoint)")
                #expect(result.errorDetail == "Unauthenticated.", "\(endpoint)")
            }
        }
    }
}
