/// Nests, eggs and egg variables on the application API.
extension ApplicationTransformer {
    func nest(_ nest: Nest, in state: PanelState) -> JSONValue {
        Envelope.item("nest", [
            ("id", .int(nest.id)),
            ("uuid", .string(nest.uuid)),
            ("author", .string(nest.author)),
            ("name", .string(nest.name)),
            ("description", .optional(nest.description)),
            ("created_at", .string(Timestamp.iso(nest.createdAt))),
            ("updated_at", .string(Timestamp.iso(nest.updatedAt))),
        ], relationships: relationships([("eggs", .eggs), ("servers", .servers)]) { name, child in
            if name == "eggs" {
                return Envelope.list(state.sortedValues(state.eggs).filter { $0.nestId == nest.id }.map { child.egg($0, in: state) })
            }
            return Envelope.list(state.servers(where: { $0.nestId == nest.id }).map { child.server($0, in: state) })
        })
    }

    func egg(_ egg: Egg, in state: PanelState) -> JSONValue {
        let images: [(String, JSONValue)] = egg.dockerImages.map { ($0.0, .string($0.1)) }
        return Envelope.item("egg", [
            ("id", .int(egg.id)),
            ("uuid", .string(egg.uuid)),
            ("name", .string(egg.name)),
            ("nest", .int(egg.nestId)),
            ("author", .string(egg.author)),
            ("description", .optional(egg.description)),
            ("docker_image", .string(egg.dockerImages.first?.1 ?? "")),
            ("docker_images", .object(images)),
            ("config", .object([
                ("files", .object([])),
                ("startup", .object([("done", .string(egg.configStartupDone))])),
                ("stop", .string(egg.configStop)),
                ("logs", .object([])),
                ("file_denylist", .array([])),
                ("extends", .null),
            ])),
            ("startup", .string(egg.startup)),
            ("script", .object([
                ("privileged", .bool(true)),
                ("install", .string(egg.installScript)),
                ("entry", .string(egg.installEntry)),
                ("container", .string(egg.installContainer)),
                ("extends", .null),
            ])),
            ("created_at", .string(Timestamp.iso(egg.createdAt))),
            ("updated_at", .string(Timestamp.iso(egg.updatedAt))),
        ], relationships: relationships([("nest", .nests), ("servers", .servers), ("config", .eggs), ("script", .eggs), ("variables", .eggs)]) { name, child in
            switch name {
            case "nest": return state.nests[egg.nestId].map { child.nest($0, in: state) } ?? Envelope.nullResource
            case "servers": return Envelope.list(state.servers(where: { $0.eggId == egg.id }).map { child.server($0, in: state) })
            case "variables":
                return Envelope.list(state.variables(ofEgg: egg.id).map { Envelope.item("egg_variable", eggVariableAttributes($0)) })
            default: return Envelope.nullResource // config/script: seeded eggs never inherit
            }
        })
    }
}
