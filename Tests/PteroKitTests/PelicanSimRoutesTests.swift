import PteroKit
import PteroSim
import Testing

/// PteroKit's table of Pelican and the simulated Pelican panel must name the same routes,
/// but for the ones the sim does not simulate (plugins, egg export/import): the client is
/// tested against the sim, so any other route only one of them had would be untested.
@Suite struct PelicanSimRoutesTests {
    static let notSimulated: Set<String> = [
        "GET /api/application/plugins", "GET /api/application/plugins/{plugin}", "POST /api/application/plugins/import/file",
        "POST /api/application/plugins/import/url", "POST /api/application/plugins/{plugin}/install",
        "POST /api/application/plugins/{plugin}/update", "POST /api/application/plugins/{plugin}/uninstall",
        "POST /api/application/plugins/{plugin}/enable", "POST /api/application/plugins/{plugin}/disable",
        "GET /api/application/eggs/{egg}/export", "POST /api/application/eggs/import",
    ]

    /// `{force}` in the sim, `force` in the table.
    static func normalized(_ route: String) -> String {
        route.replacingOccurrences(of: "{force}", with: "force")
    }

    @Test func tableAndSimHaveTheSameRoutes() {
        var options = SimulatorOptions()
        options.dialect = .pelican
        let sim = Set(SimulatedPanel(options: options).routes.map(Self.normalized))
        let table = Set(APITable.pelican.endpoints.map { Self.normalized("\($0.method.rawValue) \($0.path)") })
        #expect(sim.subtracting(table).sorted() == [])
        #expect(table.subtracting(sim).sorted() == Self.notSimulated.sorted())
    }
}
