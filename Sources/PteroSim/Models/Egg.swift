/// A server template: images, startup line and install script.
struct Egg: Sendable {
    var id: Int
    var uuid: String
    var nestId: Int
    var author: String
    var name: String
    var description: String?
    var features: [String]?
    var dockerImages: [(String, String)]
    var configFiles: String
    var configStartupDone: String
    var configStop: String
    var startup: String
    var installScript: String
    var installContainer: String
    var installEntry: String
    var createdAt: Int
    var updatedAt: Int
    /// Pelican only (it has no nests): labels, seeded as the nest's name, as
    /// `2024_03_12_154408_remove_nests_table.php` migrated them.
    var tags: [String] = []
}
