/// A file or folder of a server (`file_object`).
public struct FileObject: Codable, Sendable, Equatable {
    public var name: String
    /// e.g. `-rw-r--r--`.
    public var mode: String
    /// e.g. `644`.
    public var modeBits: String
    public var size: Int
    public var isFile: Bool
    public var isSymlink: Bool
    public var mimetype: String
    public var createdAt: String
    public var modifiedAt: String

    enum CodingKeys: String, CodingKey {
        case name
        case mode
        case modeBits = "mode_bits"
        case size
        case isFile = "is_file"
        case isSymlink = "is_symlink"
        case mimetype
        case createdAt = "created_at"
        case modifiedAt = "modified_at"
    }
}
