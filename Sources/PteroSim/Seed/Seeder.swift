/// Builds a believable hosting panel from a seed: the same seed and counts always give
/// byte-identical data, so tests can rely on ids (node 3 has servers, user 1 is the admin).
struct Seeder {
    let configuration: SeedConfiguration
    var random: SplitMix64
    var state: PanelState
    /// 2024-01-01T00:00:00Z: seeded rows are dated in the panel's first year.
    let epoch = 1_704_067_200

    init(configuration: SeedConfiguration, timing: SimulationTiming) {
        self.configuration = configuration
        random = SplitMix64(seed: configuration.seed)
        state = PanelState(seed: configuration.seed, timing: timing)
    }

    static func build(_ configuration: SeedConfiguration, timing: SimulationTiming) -> PanelState {
        var seeder = Seeder(configuration: configuration, timing: timing)
        seeder.seedUsers()
        seeder.seedKeys()
        seeder.seedLocationsAndNodes()
        seeder.seedNestsAndEggs()
        seeder.seedDatabaseHosts()
        seeder.seedServers()
        seeder.seedServerExtras()
        return seeder.state
    }

    mutating func date(dayRange: ClosedRange<Int> = 0...300) -> Int {
        epoch + random.int(in: dayRange) * 86_400 + random.int(in: 0...86_399)
    }

    private static let firstNames = ["Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery", "Quinn",
                                     "Robin", "Charlie", "Drew", "Emerson", "Finley", "Harper", "Kai", "Logan", "Parker", "Reese"]
    private static let lastNames = ["Smith", "Müller", "Garcia", "Nguyen", "Kowalski", "Johansson", "Rossi", "Dubois", "Tanaka",
                                    "O'Brien", "Silva", "Novak", "Jensen", "Kim", "Petrov", "Moreau", "Schmidt", "Costa", "Wright", "Khan"]

    mutating func seedUsers() {
        let count = max(1, configuration.users)
        for id in 1...count {
            let first = id == 1 ? "Panel" : random.pick(Self.firstNames)
            let last = id == 1 ? "Admin" : random.pick(Self.lastNames)
            let username = id == 1 ? "admin" : "\(first.lowercased())\(id)"
            let created = id == 1 ? epoch : date()
            let user = User(
                id: id, externalId: id % 4 == 0 ? "billing-\(1000 + id)" : nil, uuid: random.uuid(),
                username: username, email: id == 1 ? "admin@example.com" : "\(username)@example.com",
                firstName: first, lastName: last, rootAdmin: id == 1 || id == 2, password: "password",
                createdAt: created, updatedAt: created + random.int(in: 0...86_400 * 30))
            state.users[id] = user
            state.noteId("users", id)
        }
    }

    mutating func seedKeys() {
        let adminApplication = configuration.applicationKey ?? "ptla_" + random.alphanumeric(43)
        let adminClient = configuration.clientKey ?? "ptlc_" + random.alphanumeric(43)
        let allPermissions = Dictionary(uniqueKeysWithValues: ApplicationResource.allCases.map { ($0.rawValue, 3) })
        let readOnly = Dictionary(uniqueKeysWithValues: ApplicationResource.allCases.map { ($0.rawValue, 1) })
        addKey(userId: 1, kind: .application, token: adminApplication, description: "Seeded application key", permissions: allPermissions)
        addKey(userId: 1, kind: .client, token: adminClient, description: "Seeded admin client key", permissions: [:])
        addKey(userId: 1, kind: .application, token: "ptla_" + random.alphanumeric(43), description: "Read-only application key", permissions: readOnly)
        for userId in state.users.keys.sorted() where userId > 1 {
            addKey(userId: userId, kind: .client, token: "ptlc_" + random.alphanumeric(43), description: "Seeded client key", permissions: [:])
        }
    }

    private mutating func addKey(userId: Int, kind: ApiKey.Kind, token: String, description: String, permissions: [String: Int]) {
        let id = state.nextId("api_keys")
        let identifier = String(token.prefix(16))
        let secret = String(token.dropFirst(16))
        state.insertKey(ApiKey(
            id: id, userId: userId, kind: kind, identifier: identifier, secret: secret, description: description,
            allowedIps: [], permissions: permissions, lastUsedAt: nil, createdAt: epoch + 3600))
    }
}
