/// Locations, nodes with allocations, nests, eggs and database hosts.
extension Seeder {
    private static let places: [(short: String, long: String, city: String)] = [
        ("us.nyc", "New York, United States", "nyc"), ("de.fra", "Frankfurt, Germany", "fra"),
        ("uk.lon", "London, United Kingdom", "lon"), ("sg.sin", "Singapore", "sin"),
        ("us.lax", "Los Angeles, United States", "lax"), ("au.syd", "Sydney, Australia", "syd"),
    ]

    mutating func seedLocationsAndNodes() {
        let nodeCount = max(1, configuration.nodes)
        let locationCount = max(1, min(Self.places.count, (nodeCount + 1) / 2))
        for id in 1...locationCount {
            let place = Self.places[id - 1]
            let created = epoch + id * 600
            state.locations[id] = Location(id: id, short: place.short, long: place.long, createdAt: created, updatedAt: created)
            state.noteId("locations", id)
        }
        for id in 1...nodeCount {
            let locationId = (id - 1) % locationCount + 1
            let city = Self.places[locationId - 1].city
            let created = epoch + 3600 + id * 1200
            let memory = random.pick([32_768, 65_536, 65_536, 131_072])
            state.nodes[id] = Node(
                id: id, uuid: random.uuid(), isPublic: id != nodeCount || nodeCount == 1, name: "\(city)-node-\(id < 10 ? "0" : "")\(id)",
                description: "Game node \(id) in \(Self.places[locationId - 1].long)", locationId: locationId,
                fqdn: "node\(id).\(city).example-hosting.net", scheme: "https", behindProxy: false,
                maintenanceMode: false, memory: memory, memoryOverallocate: random.pick([0, 0, 10, 25]),
                disk: memory * 8, diskOverallocate: 0, uploadSize: 100, daemonListen: 8080, daemonSftp: 2022,
                daemonBase: "/var/lib/pterodactyl/volumes", daemonTokenId: random.alphanumeric(16),
                daemonToken: random.alphanumeric(64), createdAt: created, updatedAt: created)
            state.noteId("nodes", id)
        }
    }

    /// Adds `count` consecutive ports on the node's address starting at `firstPort`.
    mutating func addAllocations(nodeId: Int, firstPort: Int, count: Int) {
        for offset in 0..<count {
            let id = state.nextId("allocations")
            state.allocations[id] = Allocation(
                id: id, nodeId: nodeId, ip: "10.10.\(nodeId).10", alias: "node\(nodeId).example-hosting.net",
                port: firstPort + offset, serverId: nil, notes: nil)
        }
    }

    mutating func seedNestsAndEggs() {
        for (index, nest) in EggCatalog.nests.enumerated() {
            let id = index + 1
            state.nests[id] = Nest(
                id: id, uuid: random.uuid(), author: "support@pterodactyl.io", name: nest.name,
                description: nest.description, createdAt: epoch, updatedAt: epoch)
            state.noteId("nests", id)
        }
        for (index, template) in EggCatalog.eggs.enumerated() {
            let id = index + 1
            let nestId = (EggCatalog.nests.firstIndex { $0.name == template.nest } ?? 0) + 1
            state.eggs[id] = Egg(
                id: id, uuid: random.uuid(), nestId: nestId, author: "support@pterodactyl.io", name: template.name,
                description: template.description, features: template.features, dockerImages: template.images,
                configFiles: "{}", configStartupDone: template.done, configStop: template.stop, startup: template.startup,
                installScript: "#!/bin/bash\n# \(template.name) installation script\ncd /mnt/server\n",
                installContainer: "ghcr.io/pterodactyl/installers:debian", installEntry: "bash",
                createdAt: epoch, updatedAt: epoch)
            state.noteId("eggs", id)
            for variable in template.variables {
                let variableId = state.nextId("egg_variables")
                state.eggVariables[variableId] = EggVariable(
                    id: variableId, eggId: id, name: variable.name, description: variable.description,
                    envVariable: variable.env, defaultValue: variable.defaultValue, userViewable: variable.viewable,
                    userEditable: variable.editable, rules: variable.rules, createdAt: epoch, updatedAt: epoch)
            }
        }
    }

    mutating func seedDatabaseHosts() {
        for location in state.locations.values.sorted(by: { $0.id < $1.id }) {
            let id = state.nextId("database_hosts")
            let nodeId = state.nodes.values.filter { $0.locationId == location.id }.map(\.id).min()
            state.databaseHosts[id] = DatabaseHost(
                id: id, name: "mysql-\(location.short)", host: "10.20.\(location.id).5", port: 3306,
                username: "pterodactyl", nodeId: nodeId, createdAt: epoch, updatedAt: epoch)
        }
    }
}
