/// Which panel the simulator answers as. Each dialect has its own routes, transformer
/// attributes, keys, throttles and error shapes, read from that panel's source.
public enum SimulatorDialect: String, Sendable, CaseIterable {
    /// pterodactyl/panel at tag v0.7.19: 46 routes, unprefixed keys, per-IP throttles.
    case pterodactyl07 = "pterodactyl-0.7"
    /// pterodactyl/panel 1.11.x, the sim's original and default behaviour.
    case pterodactyl111 = "pterodactyl-1.11"
    /// pelican-dev/panel at 235c8fb: no locations or nests, top-level eggs, roles, mounts,
    /// database hosts and transfers, `papp_`/`pacc_` keys, 256 requests a minute per API.
    case pelican

    /// A dialect's name as `ptero sim --panel` takes it; `pterodactyl-1` means 1.11.
    public init?(name: String) {
        let lowered = name.lowercased()
        if lowered == "pterodactyl-1" { self = .pterodactyl111; return }
        guard let dialect = SimulatorDialect(rawValue: lowered) else { return nil }
        self = dialect
    }

    /// Whether the simulator answers in this dialect (all three do).
    public var isSimulated: Bool { true }
}
