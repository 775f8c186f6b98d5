import PteroLang

/// Pterodactyl 0.7's `utilization` answer, given the fields of 1.x's
/// `resources` beside its own, so a script that reads
/// `s.resources.current_state` or `.resources.memory_bytes` runs unchanged
/// on both panels.
///
/// v0.7.19's app/Transformers/Api/Client/StatsTransformer.php answers
/// `state` (on, starting, stopping, off), `memory.current` in MiB (the
/// daemon's bytes divided twice by 1024), `cpu.current` (percent) and
/// `disk.current` as the daemon reports it (MiB, inferred from the daemon's
/// own MiB disk limits). 1.x's StatsTransformer answers `current_state`
/// (running, starting, stopping, offline) and `resources` in bytes. 0.7 has
/// no uptime, network counters or suspension there: those are null.
enum ZeroSevenStats {
    /// 0.7's state words as 1.x names the same states (Wings' environment states).
    static let states = ["on": "running", "starting": "starting", "stopping": "stopping", "off": "offline"]

    static let mebibyte = 1_048_576

    /// The `stats` envelope with 1.x's fields added to its attributes.
    static func withResourcesFields(_ envelope: Value) -> Value {
        guard case .map(let item) = envelope, case .map(let attributes)? = item.value(forName: "attributes") else { return envelope }
        var state: Value = .null
        if case .string(let word)? = attributes.value(forName: "state") { state = states[word].map(Value.init) ?? .null }
        let added = MapObject([
            ("current_state", state),
            ("is_suspended", .null),
            ("resources", .map(MapObject([
                ("memory_bytes", bytes(current(attributes, "memory"))),
                ("cpu_absolute", current(attributes, "cpu")),
                ("disk_bytes", bytes(current(attributes, "disk"))),
                ("network_rx_bytes", .null),
                ("network_tx_bytes", .null),
                ("uptime", .null),
            ]))),
        ])
        for (key, value) in attributes.entries where added[key] == nil { added[key] = value }
        let result = item.copy()
        result[.string("attributes")] = .map(added)
        return .map(result)
    }

    private static func current(_ attributes: MapObject, _ name: String) -> Value {
        guard case .map(let part)? = attributes.value(forName: name) else { return .null }
        return part.value(forName: "current") ?? .null
    }

    /// MiB as bytes; anything that is not a number in range stays null.
    private static func bytes(_ mebibytes: Value) -> Value {
        let limit = Int.max / mebibyte
        switch mebibytes {
        case .int(let value) where value >= 0 && value <= limit:
            return .int(value * mebibyte)
        case .double(let value) where value.isFinite && value >= 0 && value <= Double(limit):
            let scaled: Double = value * Double(mebibyte)
            return .int(Int(scaled.rounded()))
        default:
            return .null
        }
    }
}
