/// Where to reach a server over SFTP.
public struct SFTPDetails: Codable, Sendable, Equatable {
    public var ip: String
    public var port: Int

    enum CodingKeys: String, CodingKey {
        case ip
        case port
    }
}
