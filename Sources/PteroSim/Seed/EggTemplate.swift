/// Static description of a stock egg the seeder turns into `Egg` + `EggVariable` rows.
struct EggTemplate: Sendable {
    struct Variable: Sendable {
        let name: String
        let env: String
        let defaultValue: String
        let rules: String
        let viewable: Bool
        let editable: Bool
        let description: String
    }

    let nest: String
    let name: String
    let description: String
    let features: [String]?
    let images: [(String, String)]
    let startup: String
    let stop: String
    let done: String
    let variables: [Variable]
    /// Relative popularity when spreading servers over eggs.
    let weight: Int
    let port: Int
    let files: [(String, String)]
}
