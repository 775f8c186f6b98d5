/// A server template (`egg`).
public struct Egg: Codable, Sendable, Equatable {
    public var id: Int
    public var uuid: String
    public var name: String
    public var nest: Int
    public var author: String
    public var description: String?
    /// Deprecated by the panel: the first of `dockerImages`.
    public var dockerImage: String
    /// Label to image.
    public var dockerImages: [String: String]
    public var config: EggConfig
    public var startup: String?
    public var script: EggScript
    public var createdAt: String
    public var updatedAt: String
    public var relationships: EggRelationships?

    enum CodingKeys: String, CodingKey {
        case id
        case uuid
        case name
        case nest
        case author
        case description
        case dockerImage = "docker_image"
        case dockerImages = "docker_images"
        case config
        case startup
        case script
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case relationships
    }
}
