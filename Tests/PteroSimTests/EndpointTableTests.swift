import Hummingbird
import Testing
@testable import PteroSim

/// Every endpoint of the reference table (`pterodactyl-endpoints.tsv`), checked for
/// existence and for the panel's answer without credentials.
@Suite struct EndpointTableTests {
    static let endpoints: [String] = [
        "GET /api/application/users",
        "GET /api/application/users/{user}",
        "GET /api/application/users/external/{external_id}",
        "POST /api/application/users",
        "PATCH /api/application/users/{user}",
        "DELETE /api/application/users/{user}",
        "GET /api/application/nodes",
        "GET /api/application/nodes/deployable",
        "GET /api/application/nodes/{node}",
        "GET /api/application/nodes/{node}/configuration",
        "POST /api/application/nodes",
        "PATCH /api/application/nodes/{node}",
        "DELETE /api/application/nodes/{node}",
        "GET /api/application/nodes/{node}/allocations",
        "POST /api/application/nodes/{node}/allocations",
        "DELETE /api/application/nodes/{node}/allocations/{allocation}",
        "GET /api/application/locations",
        "GET /api/application/locations/{location}",
        "POST /api/application/locations",
        "PATCH /api/application/locations/{location}",
        "DELETE /api/application/locations/{location}",
        "GET /api/application/servers",
        "GET /api/application/servers/{server}",
        "GET /api/application/servers/external/{external_id}",
        "PATCH /api/application/servers/{server}/details",
        "PATCH /api/application/servers/{server}/build",
        "PATCH /api/application/servers/{server}/startup",
        "POST /api/application/servers",
        "POST /api/application/servers/{server}/suspend",
        "POST /api/application/servers/{server}/unsuspend",
        "POST /api/application/servers/{server}/reinstall",
        "DELETE /api/application/servers/{server}",
        "DELETE /api/application/servers/{server}/force",
        "GET /api/application/servers/{server}/databases",
        "GET /api/application/servers/{server}/databases/{database}",
        "POST /api/application/servers/{server}/databases",
        "POST /api/application/servers/{server}/databases/{database}/reset-password",
        "DELETE /api/application/servers/{server}/databases/{database}",
        "GET /api/application/nests",
        "GET /api/application/nests/{nest}",
        "GET /api/application/nests/{nest}/eggs",
        "GET /api/application/nests/{nest}/eggs/{egg}",
        "GET /api/client",
        "GET /api/client/permissions",
        "GET /api/client/account",
        "GET /api/client/account/two-factor",
        "POST /api/client/account/two-factor",
        "POST /api/client/account/two-factor/disable",
        "PUT /api/client/account/email",
        "PUT /api/client/account/password",
        "GET /api/client/account/activity",
        "GET /api/client/account/api-keys",
        "POST /api/client/account/api-keys",
        "DELETE /api/client/account/api-keys/{identifier}",
        "GET /api/client/account/ssh-keys",
        "POST /api/client/account/ssh-keys",
        "POST /api/client/account/ssh-keys/remove",
        "GET /api/client/servers/{server}",
        "GET /api/client/servers/{server}/websocket",
        "GET /api/client/servers/{server}/resources",
        "GET /api/client/servers/{server}/activity",
        "POST /api/client/servers/{server}/command",
        "POST /api/client/servers/{server}/power",
        "GET /api/client/servers/{server}/databases",
        "POST /api/client/servers/{server}/databases",
        "POST /api/client/servers/{server}/databases/{database}/rotate-password",
        "DELETE /api/client/servers/{server}/databases/{database}",
        "GET /api/client/servers/{server}/files/list",
        "GET /api/client/servers/{server}/files/contents",
        "GET /api/client/servers/{server}/files/download",
        "PUT /api/client/servers/{server}/files/rename",
        "POST /api/client/servers/{server}/files/copy",
        "POST /api/client/servers/{server}/files/write",
        "POST /api/client/servers/{server}/files/compress",
        "POST /api/client/servers/{server}/files/decompress",
        "POST /api/client/servers/{server}/files/delete",
        "POST /api/client/servers/{server}/files/create-folder",
        "POST /api/client/servers/{server}/files/chmod",
        "POST /api/client/servers/{server}/files/pull",
        "GET /api/client/servers/{server}/files/upload",
        "GET /api/client/servers/{server}/schedules",
        "POST /api/client/servers/{server}/schedules",
        "GET /api/client/servers/{server}/schedules/{schedule}",
        "POST /api/client/servers/{server}/schedules/{schedule}",
        "POST /api/client/servers/{server}/schedules/{schedule}/execute",
        "DELETE /api/client/servers/{server}/schedules/{schedule}",
        "POST /api/client/servers/{server}/schedules/{schedule}/tasks",
        "POST /api/client/servers/{server}/schedules/{schedule}/tasks/{task}",
        "DELETE /api/client/servers/{server}/schedules/{schedule}/tasks/{task}",
        "GET /api/client/servers/{server}/network/allocations",
        "POST /api/client/servers/{server}/network/allocations",
        "POST /api/client/servers/{server}/network/allocations/{allocation}",
        "POST /api/client/servers/{server}/network/allocations/{allocation}/primary",
        "DELETE /api/client/servers/{server}/network/allocations/{allocation}",
        "GET /api/client/servers/{server}/users",
        "POST /api/client/servers/{server}/users",
        "GET /api/client/servers/{server}/users/{user}",
        "POST /api/client/servers/{server}/users/{user}",
        "DELETE /api/client/servers/{server}/users/{user}",
        "GET /api/client/servers/{server}/backups",
        "POST /api/client/servers/{server}/backups",
        "GET /api/client/servers/{server}/backups/{backup}",
        "GET /api/client/servers/{server}/backups/{backup}/download",
        "POST /api/client/servers/{server}/backups/{backup}/lock",
        "POST /api/client/servers/{server}/backups/{backup}/restore",
        "DELETE /api/client/servers/{server}/backups/{backup}",
        "GET /api/client/servers/{server}/startup",
        "PUT /api/client/servers/{server}/startup/variable",
        "POST /api/client/servers/{server}/settings/rename",
        "POST /api/client/servers/{server}/settings/reinstall",
        "PUT /api/client/servers/{server}/settings/docker-image",
    ]

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
