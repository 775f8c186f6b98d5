/// The egg of a client server (`include=egg`): only its name and uuid.
public struct ClientEgg: Codable, Sendable, Equatable {
    public var uuid: String
    public var name: String

    enum CodingKeys: String, CodingKey {
        case uuid
        case name
    }
}
