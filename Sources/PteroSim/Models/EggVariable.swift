/// A configurable environment variable of an egg, with its Laravel rule string.
struct EggVariable: Sendable {
    var id: Int
    var eggId: Int
    var name: String
    var description: String
    var envVariable: String
    var defaultValue: String
    var userViewable: Bool
    var userEditable: Bool
    var rules: String
    var createdAt: Int
    var updatedAt: Int
}
