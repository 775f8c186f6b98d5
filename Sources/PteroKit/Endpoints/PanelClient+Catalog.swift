/// Every endpoint of the panel this client calls, one entry per method,
/// read from the one table of the API (`APITable.pterodactyl1`).
extension PanelClient {
    public static let catalog: [EndpointDescriptor] = APITable.pterodactyl1.endpoints.map {
        EndpointDescriptor($0.api, $0.method, $0.path, $0.swiftName)
    }
}
