/// The daemon's view of a server process; transitions are time-based and resolved
/// lazily when read, so no background task has to tick.
struct PowerState: Sendable {
    enum Phase: String, Sendable { case offline, starting, running, stopping }

    var phase: Phase = .offline
    /// Wall-clock seconds at which `phase` completes (starting→running, stopping→offline).
    var transitionAt: Double?
    var runningSince: Double?

    mutating func advance(now: Double) {
        guard let deadline = transitionAt, now >= deadline else { return }
        transitionAt = nil
        switch phase {
        case .starting: phase = .running; runningSince = deadline
        case .stopping: phase = .offline; runningSince = nil
        default: break
        }
    }
}
