/// An egg variable as a server user sees it (`egg_variable`, client API).
public struct StartupVariable: Codable, Sendable, Equatable {
    public var name: String
    public var description: String
    public var envVariable: String
    public var defaultValue: String
    public var serverValue: String?
    public var isEditable: Bool
    public var rules: String

    enum CodingKeys: String, CodingKey {
        case name
        case description
        case envVariable = "env_variable"
        case defaultValue = "default_value"
        case serverValue = "server_value"
        case isEditable = "is_editable"
        case rules
    }
}
