/// A Pelican server transfer under way (`app/Models/ServerTransfer.php`): the server keeps
/// its node until the transfer finishes; the new allocations are held for it meanwhile.
struct ServerTransfer: Sendable {
    var serverId: Int
    var oldNode: Int
    var newNode: Int
    var oldAllocation: Int
    var newAllocation: Int
    var oldAdditional: [Int]
    var newAdditional: [Int]
    var startedAt: Double
}
