/// Locations on the application API.
extension PanelClient {
    /// Every location, lazily; filters `short`, `long`; sort `id`.
    public func listLocations(_ query: ListQuery = ListQuery()) -> Pages<Location> {
        pages("locations.list", query: query.queryItems, perPage: query.perPage)
    }

    public func location(id: Int, include: [String] = []) async throws -> Location {
        try await item("locations.view", id, query: ListQuery.includes(include))
    }

    public func createLocation(_ location: LocationDetails) async throws -> Location {
        try await item("locations.create", body: location)
    }

    /// Sends `location` as the whole new state. Prefer `updateLocation(id:_:)`.
    public func replaceLocation(id: Int, with location: LocationDetails) async throws -> Location {
        try await item("locations.update", id, body: location)
    }

    /// Changes only what `change` sets: reads the location, applies it, sends it whole.
    public func updateLocation(id: Int, _ change: (inout LocationDetails) -> Void) async throws -> Location {
        let current = try await location(id: id)
        var details = LocationDetails(short: current.short, long: current.long)
        change(&details)
        return try await replaceLocation(id: id, with: details)
    }

    public func deleteLocation(id: Int) async throws {
        try await perform("locations.delete", id)
    }
}
