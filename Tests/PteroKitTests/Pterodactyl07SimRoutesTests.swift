import PteroKit
import PteroSim
import Testing

/// PteroKit's table of Pterodactyl 0.7 and the simulated 0.7 panel must name the same
/// routes: the client is tested against the sim, so a route only one of them has would
/// be a route nobody tests.
@Suite struct Pterodactyl07SimRoutesTests {
    /// `{force?}` in 0.7's router, `{force}` in the sim, `force` in the table.
    static func normalized(_ route: String) -> String {
        route.replacingOccurrences(of: "{force}", with: "force")
    }

    @Test func tableAndSimHaveTheSameRoutes() {
        var options = SimulatorOptions()
        options.dialect = .pterodactyl07
        let sim = Set(SimulatedPanel(options: options).routes.map(Self.normalized))
        let table = Set(APITable.pterodactyl07.endpoints.map { Self.normalized("\($0.method.rawValue) \($0.path)") })
        #expect(sim.count == 46)
        #expect(sim.subtracting(table).sorted() == [])
        #expect(table.subtracting(sim).sorted() == [])
    }
}
