/// Locations on the application API.
extension PanelClient {
    static let locationsPath = "/api/application/locations"

    /// Every location, lazily; filters `short`, `long`; sort `id`.
    public func listLocations(_ query: ListQuery = ListQuery()) -> Pages<Location> {
        pages(Self.locationsPath, query: query.queryItems, perPage: query.perPage)
    }

    public func location(id: Int, include: [String] = []) async throws -> Location {
        try await item(.get, "\(Self.locationsPath)/\(id)", query: ListQuery.includes(include))
    }

    public func createLocation(_ location: LocationDetails) async throws -> Location {
        try await item(.post, Self.locationsPath, body: location)
    }

    /// Sends `location` as the whole new state. Prefer `updateLocation(id:changes:)`.
    public func replaceLocation(id: Int, with location: LocationDetails) async throws -> Location {
        try await item(.patch, "\(Self.locationsPath)/\(id)", body: location)
    }

    /// Changes only the given fields: reads the location, merges, sends it whole.
    public func updateLocation(id: Int, changes: LocationChanges) async throws -> Location {
        let current = try await location(id: id)
        let merged = LocationDetails(short: changes.short ?? current.short, long: changes.long ?? current.long)
        return try await replaceLocation(id: id, with: merged)
    }

    public func deleteLocation(id: Int) async throws {
        try await perform(.delete, "\(Self.locationsPath)/\(id)")
    }
}
