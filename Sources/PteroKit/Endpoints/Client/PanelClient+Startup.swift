/// Startup variables and settings of a server on the client API.
extension PanelClient {
    public func startup(server: String) async throws -> StartupDetails {
        let answer = try await send(request("server.startup.view", [server]), as: StartupList.self)
        return StartupDetails(variables: answer.data.map(\.attributes), startupCommand: answer.meta.startupCommand,
                              rawStartupCommand: answer.meta.rawStartupCommand, dockerImages: answer.meta.dockerImages)
    }

    /// Sets one variable by its environment name; nil stores an empty value.
    public func updateStartupVariable(server: String, key: String, value: String?) async throws -> StartupVariableUpdate {
        struct Body: Encodable, Sendable {
            var key: String
            var value: String?
            // `value` must be present even when null.
            func encode(to encoder: Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(["key": key, "value": value])
            }
        }
        let answer: FractalItem<StartupVariable> = try await envelope("server.startup.update_variable", server,
                                                                      body: Body(key: key, value: value))
        return StartupVariableUpdate(variable: answer.attributes, startupCommand: answer.meta?.startupCommand,
                                     rawStartupCommand: answer.meta?.rawStartupCommand)
    }

    /// Renames the server; a nil description is left as it is.
    public func renameServer(server: String, name: String, description: String? = nil) async throws {
        struct Body: Encodable, Sendable { var name: String; var description: String? }
        try await perform("server.settings.rename", server, body: Body(name: name, description: description))
    }

    public func reinstallServer(server: String) async throws {
        try await perform("server.settings.reinstall", server)
    }

    /// Switches to one of the egg's images.
    public func setDockerImage(server: String, image: String) async throws {
        try await perform("server.settings.docker_image", server, body: ["docker_image": image])
    }
}
