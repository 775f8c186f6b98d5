import PteroKit
import Testing

/// The client's catalog lists every endpoint of the reference table
/// (`Tests/Fixtures/pterodactyl-endpoints.tsv`).
struct EndpointCatalogTests {
    static let referenceRows = ReferenceEndpoints.rows

    @Test func theCatalogMatchesTheReferenceTableRowForRow() {
        let catalog = PanelClient.catalog.map { "\($0.method.rawValue) \($0.path)" }
        #expect(catalog.count == 111)
        #expect(catalog == Self.referenceRows)
    }

    @Test func everyEntryNamesADistinctMethodOnTheRightAPI() {
        let names = PanelClient.catalog.map(\.swiftName)
        #expect(Set(names).count == names.count)
        for entry in PanelClient.catalog {
            #expect(entry.path.hasPrefix(entry.api == .client ? "/api/client" : "/api/application/"), "\(entry.path)")
        }
    }
}
