import PteroKit
import PteroSim
import Testing

/// PteroKit's table of Pelican and the simulated Pelican panel must name the same routes:
/// the client is tested against the sim, so a route only one of them had would be untested.
@Suite struct PelicanSimRoutesTests {
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
        #expect(table.subtracting(sim).sorted() == [])
    }
}
