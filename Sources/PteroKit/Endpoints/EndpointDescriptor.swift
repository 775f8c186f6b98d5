/// One endpoint of the panel and the `PanelClient` method that calls it.
public struct EndpointDescriptor: Sendable, Equatable {
    public var api: PanelAPI
    public var method: HTTPMethod
    /// As in the panel's routes, e.g. `/api/application/servers/{server}`.
    public var path: String
    /// The Swift method, e.g. `server(id:include:)`.
    public var swiftName: String

    public init(_ api: PanelAPI, _ method: HTTPMethod, _ path: String, _ swiftName: String) {
        self.api = api
        self.method = method
        self.path = path
        self.swiftName = swiftName
    }
}
