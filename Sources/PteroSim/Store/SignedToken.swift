/// What a signed download/upload URL grants, until `expiresAt` (wall-clock seconds).
struct SignedToken: Sendable {
    enum Purpose: Sendable, Equatable { case downloadFile(path: String), upload, downloadBackup(backupId: Int) }
    var serverId: Int
    var purpose: Purpose
    var expiresAt: Double
}
