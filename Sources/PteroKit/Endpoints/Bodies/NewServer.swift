/// A server to create (`POST /servers`).
public struct NewServer: Encodable, Sendable, Equatable {
    public var name: String
    public var user: Int
    public var egg: Int
    public var dockerImage: String
    public var startup: String
    public var environment: [String: String]
    public var limits: ServerLimitsBody
    public var featureLimits: ServerFeatureLimitsBody
    /// Either this or `deploy`.
    public var allocation: ServerAllocationChoice?
    public var deploy: ServerDeployment?
    public var externalId: String?
    public var description: String?
    public var skipScripts: Bool?
    public var oomDisabled: Bool?
    public var startOnCompletion: Bool?

    public init(name: String, user: Int, egg: Int, dockerImage: String, startup: String, environment: [String: String], limits: ServerLimitsBody, featureLimits: ServerFeatureLimitsBody, allocation: ServerAllocationChoice? = nil, deploy: ServerDeployment? = nil, externalId: String? = nil, description: String? = nil, skipScripts: Bool? = nil, oomDisabled: Bool? = nil, startOnCompletion: Bool? = nil) {
        self.name = name
        self.user = user
        self.egg = egg
        self.dockerImage = dockerImage
        self.startup = startup
        self.environment = environment
        self.limits = limits
        self.featureLimits = featureLimits
        self.allocation = allocation
        self.deploy = deploy
        self.externalId = externalId
        self.description = description
        self.skipScripts = skipScripts
        self.oomDisabled = oomDisabled
        self.startOnCompletion = startOnCompletion
    }

    enum CodingKeys: String, CodingKey {
        case name
        case user
        case egg
        case dockerImage = "docker_image"
        case startup
        case environment
        case limits
        case featureLimits = "feature_limits"
        case allocation
        case deploy
        case externalId = "external_id"
        case description
        case skipScripts = "skip_scripts"
        case oomDisabled = "oom_disabled"
        case startOnCompletion = "start_on_completion"
    }
}
