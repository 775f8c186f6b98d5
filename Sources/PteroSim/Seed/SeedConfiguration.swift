/// What the seeder needs from `SimulatorOptions`, separated so tests can seed directly.
struct SeedConfiguration: Sendable {
    var seed: UInt64 = 1
    var nodes = 5
    var servers = 60
    var users = 20
    var applicationKey: String?
    var clientKey: String?
}
