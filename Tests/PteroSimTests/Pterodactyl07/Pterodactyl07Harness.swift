import Foundation
@testable import PteroSim

extension SimulatorOptions {
    /// The conformance options, answering as Pterodactyl v0.7.19.
    static func pterodactyl07(seed: UInt64 = 7) -> SimulatorOptions {
        var options = SimulatorOptions.testing(seed: seed)
        options.dialect = .pterodactyl07
        return options
    }
}

/// `Tests/Fixtures/pterodactyl-0.7-routes.tsv`: `side  METHOD  path` for every v0.7.19 route.
enum Pterodactyl07Fixture {
    static let routes = RouteFixture.routes("pterodactyl-0.7-routes.tsv")

    /// A concrete path for a route pattern, with seeded ids.
    static func path(_ pattern: String, server: Server) -> String {
        pattern.replacingOccurrences(of: "{user}", with: String(server.ownerId))
            .replacingOccurrences(of: "{node}", with: String(server.nodeId))
            .replacingOccurrences(of: "{allocation}", with: String(server.allocationId))
            .replacingOccurrences(of: "{location}", with: "1")
            .replacingOccurrences(of: "{server}", with: pattern.hasPrefix("/api/client") ? server.identifier : String(server.id))
            .replacingOccurrences(of: "{external_id}", with: "x")
            .replacingOccurrences(of: "{database}", with: "1")
            .replacingOccurrences(of: "{nest}", with: String(server.nestId))
            .replacingOccurrences(of: "{egg}", with: String(server.eggId))
    }
}
