/// A server backup; it completes at `completesAt`, resolved lazily on read.
struct Backup: Sendable {
    var id: Int
    var uuid: String
    var serverId: Int
    var name: String
    var ignoredFiles: [String]
    var isSuccessful: Bool
    var isLocked: Bool
    var checksum: String?
    var bytes: Int
    var createdAt: Int
    var completesAt: Double?
    var completedAt: Int?
    var deleted = false
    /// Snapshot of the server's files, restored by the restore endpoint.
    var snapshot: VirtualFileSystem?
}
