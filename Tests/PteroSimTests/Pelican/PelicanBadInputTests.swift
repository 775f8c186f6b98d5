import Hummingbird
import Testing
@testable import PteroSim

/// Every route of the Pelican dialect with odd bodies: a clear 4xx, never a crash or a 500
/// (but where the panel itself answers 500: the Root Admin role, a host with databases, a
/// plugin import without a file).
@Suite struct PelicanBadInputTests {
    static let bodies = [
        "{}",
        #"{"name":5,"username":[1],"email":{},"user":"x","egg":"1","node_id":"x","allocation_id":[],"roles":"x","eggs":[["x"]],"#
            + #""nodes":{},"servers":[null],"tags":"x","limits":[],"deploy":{"tags":[5]},"description":[],"port":"x","host":5,"#
            + #""source":null,"target":5,"oom_killer":"x","environment":5,"feature_limits":{},"cpu":"x","fqdn":5,"scheme":5,"#
            + #""permissions":"x","password":5,"node_ids":[[]],"allocation_additional":"x","daemon_connect":-1}"#,
        #"{"name":"\#(String(repeating: "n", count: 300))","username":200,"email":"a@b.c","user":1,"egg":1,"node_id":1,"#
            + #""allocation_id":1,"roles":[1,"2",null],"eggs":[1,99999],"nodes":[1],"servers":[1],"tags":["a",5],"source":"/s","#
            + #""target":"/t","environment":{},"limits":{"memory":-5,"swap":0,"disk":0,"io":2000,"cpu":0},"feature_limits":{"databases":null,"backups":null},"#
            + #""deploy":{"tags":[],"dedicated_ip":"maybe","port_range":["1-99999"]},"host":"h","port":99999999999999999999}"#,
    ]

    /// Answered 500 on purpose, as the panel does.
    static let fivehundreds: Set<String> = ["PATCH /api/application/roles/{role}", "DELETE /api/application/roles/{role}",
                                            "DELETE /api/application/database-hosts/{database_host}",
                                            "POST /api/application/plugins/import/file"]

    @Test func oddBodiesAreNeverAnsweredWithACrash() async throws {
        try await withSim(.pelican()) { sim in
            let server = sim.ownedServer().server
            // Deletions last, so the server and its owner are there for every other route.
            let all = SimulatedPanel(options: .pelican()).routes
            let routes = all.filter { !$0.hasPrefix("DELETE") } + all.filter { $0.hasPrefix("DELETE") }
            var validated = 0
            for route in routes {
                let parts = route.split(separator: " ")
                var pattern = String(parts[1])
                for name in ["role", "mount", "database_host", "egg_id", "node_id", "server_id"] {
                    pattern = pattern.replacingOccurrences(of: "{\(name)}", with: "1")
                }
                let path = PelicanFixture.path(pattern, server: server)
                let key = path.hasPrefix("/api/client") ? sim.clientKey : sim.appKey
                for body in Self.bodies {
                    let answer = try await sim.request(HTTPRequest.Method(String(parts[0]))!, path, key: key, json: body)
                    if !Self.fivehundreds.contains(route) { #expect(answer.status < 500, "\(route) \(answer.text.prefix(300))") }
                    if answer.status == 422 { validated += 1 }
                }
            }
            // The bodies reached the requests' rules, not only 404s.
            #expect(validated > 60, "\(validated)")
        }
    }
}
