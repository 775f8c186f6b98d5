/// A variable an egg defines (`egg_variable`, application API; dates in Laravel format).
public struct EggVariable: Codable, Sendable, Equatable {
    public var id: Int
    public var eggId: Int
    public var name: String
    public var description: String
    public var envVariable: String
    public var defaultValue: String
    public var userViewable: Bool
    public var userEditable: Bool
    /// A Laravel rule string, e.g. `required|string|max:20`.
    public var rules: String
    public var createdAt: String
    public var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case id
        case eggId = "egg_id"
        case name
        case description
        case envVariable = "env_variable"
        case defaultValue = "default_value"
        case userViewable = "user_viewable"
        case userEditable = "user_editable"
        case rules
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
