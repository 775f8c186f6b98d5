/// The `meta` of the startup view.
struct StartupMeta: Decodable, Sendable {
    var startupCommand: String
    var rawStartupCommand: String
    var dockerImages: [String: String]

    enum CodingKeys: String, CodingKey {
        case startupCommand = "startup_command"
        case rawStartupCommand = "raw_startup_command"
        case dockerImages = "docker_images"
    }
}

/// The startup view: a list of variables with a `meta` beside it.
struct StartupList: Decodable, Sendable {
    var data: [FractalItem<StartupVariable>]
    var meta: StartupMeta
}
