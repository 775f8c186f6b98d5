/// A Pelican/Pterodactyl mount: a host directory bound into servers' containers, offered to
/// the eggs, nodes and servers it is attached to (`app/Models/Mount.php`, the mountables table).
struct Mount: Sendable {
    var id: Int
    var uuid: String
    var name: String
    var description: String?
    var source: String
    var target: String
    var readOnly: Bool
    var userMountable: Bool
    var eggIds: [Int] = []
    var nodeIds: [Int] = []
    var serverIds: [Int] = []
}
