/// One request as pelican-dev/panel answers it. Its middleware order is nearly 1.x's
/// (`bootstrap/app.php`: the `api` group's `auth:sanctum`, IsValidJson and
/// AuthenticateIPAccess, then `application-api` or `client-api`, then the group throttle
/// from `app/Providers/RouteServiceProvider.php`, none of it reordered: `MiddlewareOrder.pelican`),
/// so it runs `RequestPipeline` with Pelican's limits and order and rewrites the shared
/// objects' attributes (`PelicanAttributes`).
struct PelicanPipeline {
    /// `config/http.php`: `APP_API_APPLICATION_RATELIMIT` and `APP_API_CLIENT_RATELIMIT` both
    /// default to 256 a period of 1 minute, keyed by the user's uuid (the IP without a user).
    static let applicationLimit = 256
    static let clientLimit = 256

    let store: PanelStore
    let request: IncomingRequest
    let parsedBody: ParsedBody
    var routeName = "unmatched"
    var apiName: String?

    mutating func run(_ state: inout PanelState) -> SimResponse {
        var pipeline = RequestPipeline(store: store, request: request, parsedBody: parsedBody)
        pipeline.limits = (Self.applicationLimit, Self.clientLimit)
        pipeline.middleware = .pelican
        let response = pipeline.run(&state)
        routeName = pipeline.routeName
        apiName = pipeline.apiName
        let context = PelicanAttributes.Context(
            isClient: apiName == "client", caller: pipeline.caller, state: state)
        return PelicanAttributes.rewrite(response, context: context, includes: Includes(query: QueryParameters(request.query)))
    }
}
