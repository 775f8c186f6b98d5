/// The panel's automatic deployment: which public nodes still fit a server.
enum Deployment {
    static func viableNodes(_ state: PanelState, memory: Int, disk: Int, locationIds: Set<Int>) -> [Node] {
        state.sortedValues(state.nodes).filter { node in
            guard node.isPublic, locationIds.isEmpty || locationIds.contains(node.locationId) else { return false }
            let used = state.allocatedResources(ofNode: node.id)
            let memoryLimit = Double(node.memory) * (1 + Double(max(node.memoryOverallocate, 0)) / 100)
            let diskLimit = Double(node.disk) * (1 + Double(max(node.diskOverallocate, 0)) / 100)
            // In Double: `memory` and `disk` come from the request and may be near Int.max.
            let memoryFits = node.memoryOverallocate == -1 || Double(used.memory) + Double(memory) <= memoryLimit
            let diskFits = node.diskOverallocate == -1 || Double(used.disk) + Double(disk) <= diskLimit
            return memoryFits && diskFits
        }
    }
}
