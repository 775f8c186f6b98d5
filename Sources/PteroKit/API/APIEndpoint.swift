/// One endpoint of one panel dialect, as the whole of ptero reads it.
///
/// A row of an `APITable`: the method and route, the API side, the body
/// fields with their types, what the panel answers, which kind of object
/// it belongs to, and under which name the language offers it. The typed
/// client's catalog, the runtime's methods and collections, `help(x)`,
/// completion and the endpoint tests all read these rows, so a path or a
/// field is written once (README, "One description of the panel").
public struct APIEndpoint: Sendable, Equatable {
    /// A stable name for the row: the panel's own (`servers.build` for
    /// `UpdateServerBuildConfigurationRequest`'s route), unique in a table.
    public let id: String
    public let api: PanelAPI
    public let method: HTTPMethod
    /// The route as the panel writes it: `/api/application/servers/{server}/build`.
    public let path: String
    /// What the panel answers, in the reference table's notation.
    public let answer: APIAnswer
    /// The `PanelClient` method that calls it: `updateServerBuild(id:_:)`.
    public let swiftName: String
    /// How the language offers it; nil when only the typed client does.
    public let offer: LanguageOffer?
    /// The JSON body's fields, in the order the panel's request class lists them.
    public let body: [BodyField]
    /// Fields the panel requires (`required` in its rules).
    public let required: [String]
    /// `filter[...]` names a list endpoint takes, matched as substrings.
    public let filters: [String]
    /// `filter[...]` names matched exactly.
    public let exactFilters: [String]
    /// Fields sent when a call does not name them (a schedule's `month`:
    /// the panel answers 500 without it).
    public let defaults: [String: String]
    /// How the language builds the body from a call (see `BodyStrategy`).
    public let strategy: BodyStrategy
    /// Asks for confirmation on a terminal unless `--yes`.
    public let isDestructive: Bool
    /// One line for `help`: what the panel does with it; `{kind}` names the object.
    public let summary: String

    public init(_ api: PanelAPI, _ method: HTTPMethod, _ path: String, _ id: String, _ answer: APIAnswer,
                swift swiftName: String, offer: LanguageOffer? = nil, body: [BodyField] = [], required: [String] = [],
                filters: [String] = [], exactFilters: [String] = [], defaults: [String: String] = [:], strategy: BodyStrategy = .named,
                destructive: Bool = false, summary: String = "") {
        self.id = id
        self.api = api
        self.method = method
        self.path = path
        self.answer = answer
        self.swiftName = swiftName
        self.offer = offer
        self.body = body
        self.required = required
        self.filters = filters
        self.exactFilters = exactFilters
        self.defaults = defaults
        self.strategy = strategy
        self.isDestructive = destructive
        self.summary = summary
    }

    /// `PATCH /api/application/servers/{server}/build`.
    public var route: String { "\(method.rawValue) \(path)" }

    /// The body's fields with nested maps flattened (`limits.memory` is
    /// `memory`): the labels a language call takes.
    public var labels: [String] { body.flatMap(\.labels) }

    /// The field named `name` anywhere in the body.
    public func field(_ name: String) -> BodyField? {
        for field in body {
            if let found = field.find(name) { return found }
        }
        return nil
    }
}

/// Under which name the language offers an endpoint.
public enum LanguageOffer: Sendable, Equatable {
    /// A method of an object: `s.suspend()` is `.method("server", "suspend")`.
    /// Several rows may share one name; `variant` tells them apart.
    case method(String, String, variant: Variant = .only)
    /// A collection: a global (`servers`) or a member (`node.allocations`).
    case collection(String)
    /// Creating an item of a collection: `servers.create(...)`.
    case create(String)

    /// Which of several rows under one method name a call takes.
    public enum Variant: Sendable, Equatable {
        case only
        /// Taken when the call says `force: true` (`s.delete(force: true)`).
        case forced
        /// Taken when the object was read through the client API.
        case readThroughClient
    }
}

/// How the language turns a call into the body.
public enum BodyStrategy: Sendable, Equatable {
    /// The named arguments are the body (`s.power(signal: "start")`).
    case named
    /// The panel replaces the whole object: every field is sent as it was
    /// read unless the call names it, so nothing is wiped by accident.
    /// Fields marked `onlyWhenNamed` are sent only when named.
    case asRead
    /// Built by code of its own in the runtime, named by the row's `id`.
    case custom
}
