import Foundation
@testable import PteroSim

extension SimulatorOptions {
    /// The conformance options, answering as pelican-dev/panel.
    static func pelican(seed: UInt64 = 7) -> SimulatorOptions {
        var options = SimulatorOptions.testing(seed: seed)
        options.dialect = .pelican
        return options
    }
}

/// `Tests/Fixtures/pelican-routes.tsv`: `side  METHOD  path` for every route of Pelican's route files.
enum PelicanFixture {
    static let routes = RouteFixture.routes("pelican-routes.tsv")

    /// A concrete path for a route pattern, with seeded ids.
    static func path(_ pattern: String, server: Server) -> String {
        pattern.replacingOccurrences(of: "{user}", with: String(server.ownerId))
            .replacingOccurrences(of: "{node}", with: String(server.nodeId))
            .replacingOccurrences(of: "{allocation}", with: String(server.allocationId))
            .replacingOccurrences(of: "{server}", with: pattern.hasPrefix("/api/client") ? server.identifier : String(server.id))
            .replacingOccurrences(of: "{external_id}", with: "x")
            .replacingOccurrences(of: "{egg}", with: String(server.eggId))
            .replacingOccurrences(of: "{plugin}", with: "example")
            .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
    }
}
