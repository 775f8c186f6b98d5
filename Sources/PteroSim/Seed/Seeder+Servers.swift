import Foundation

/// Servers spread unevenly over nodes, eggs and owners; a few suspended or installing.
extension Seeder {
    private static let serverWords = ["Survival", "Creative", "Skyblock", "Factions", "Hardcore", "Modded", "Vanilla",
                                      "Lobby", "Minigames", "Prison", "Pixelmon", "Towny", "Arena", "Build", "Community"]

    mutating func seedServers() {
        let nodeIds = state.nodes.keys.sorted()
        let serverCount = max(0, configuration.servers)
        // Uneven spread: earlier nodes are bigger; every node gets one server first so each has some.
        let nodeWeights = nodeIds.map { nodeIds.count - $0 + 2 }
        var nodeOfServer: [Int] = []
        for index in 0..<serverCount {
            nodeOfServer.append(index < nodeIds.count ? nodeIds[index] : weightedPick(nodeIds, weights: nodeWeights))
        }
        var freeAllocations: [Int: [Int]] = [:]
        for nodeId in nodeIds {
            let count = nodeOfServer.filter { $0 == nodeId }.count * 2 + 10
            let first = state.nextIds["allocations"] ?? 0
            addAllocations(nodeId: nodeId, firstPort: 25565, count: count)
            freeAllocations[nodeId] = Array((first + 1)...(first + count))
        }
        let eggIds = state.eggs.keys.sorted()
        let eggWeights = eggIds.map { EggCatalog.eggs[$0 - 1].weight }
        let userIds = state.users.keys.sorted()
        let ownerWeights = userIds.map { $0 == 1 ? 2 : ($0 % 3 == 0 ? 6 : 3) }
        for index in 0..<serverCount {
            let nodeId = nodeOfServer[index]
            let eggId = weightedPick(eggIds, weights: eggWeights)
            let egg = state.eggs[eggId]!
            var allocationIds = freeAllocations[nodeId]!
            let primary = allocationIds.removeFirst()
            var extra: [Int] = []
            if random.chance(0.25) { extra.append(allocationIds.removeFirst()) }
            freeAllocations[nodeId] = allocationIds
            let id = index + 1
            let created = date(dayRange: 5...330)
            let memory = random.pick([1024, 2048, 4096, 4096, 6144, 8192])
            let server = Server(
                id: id, externalId: id % 5 == 0 ? "whmcs-\(5000 + id)" : nil, uuid: random.uuid(),
                name: "\(random.pick(Self.serverWords)) \(egg.name.components(separatedBy: " ").first!) #\(id)",
                description: random.chance(0.6) ? "Managed \(egg.name) server" : "",
                status: nil, ownerId: weightedPick(userIds, weights: ownerWeights), nodeId: nodeId,
                allocationId: primary, nestId: egg.nestId, eggId: eggId, memory: memory, swap: 0,
                disk: memory * 5, io: 500, cpu: random.pick([100, 200, 200, 300, 400]), threads: nil,
                oomDisabled: true, databaseLimit: random.pick([0, 1, 2, 5]), allocationLimit: random.pick([1, 2, 3]),
                backupLimit: random.pick([0, 2, 3, 5]), startup: egg.startup, image: egg.dockerImages.first?.1 ?? "",
                variableValues: [:], createdAt: created, updatedAt: created + random.int(in: 0...86_400 * 20))
            var seeded = server
            if random.chance(0.08) { seeded.status = "suspended" }
            if random.chance(0.6) && seeded.status == nil { seeded.power.phase = .running; seeded.power.runningSince = 0 }
            state.servers[id] = seeded
            state.indexServer(seeded)
            state.noteId("servers", id)
            state.allocations[primary]?.serverId = id
            for allocationId in extra { state.allocations[allocationId]?.serverId = id }
        }
    }

    mutating func weightedPick(_ items: [Int], weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var roll = Int(random.next() % UInt64(max(total, 1)))
        for (item, weight) in zip(items, weights) {
            if roll < weight { return item }
            roll -= weight
        }
        return items.last!
    }
}
