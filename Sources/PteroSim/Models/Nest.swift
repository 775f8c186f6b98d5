/// A family of eggs (Minecraft, Rust, ...).
struct Nest: Sendable {
    var id: Int
    var uuid: String
    var author: String
    var name: String
    var description: String?
    var createdAt: Int
    var updatedAt: Int
}
