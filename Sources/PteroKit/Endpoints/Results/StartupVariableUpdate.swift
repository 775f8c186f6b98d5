/// A startup variable after a change, and the command line it gives.
public struct StartupVariableUpdate: Sendable, Equatable {
    public var variable: StartupVariable
    public var startupCommand: String?
    public var rawStartupCommand: String?
}
