/// Delays of the living state, short in tests and human-scale in demos.
public struct SimulationTiming: Sendable {
    /// Seconds a server spends in `starting` before `running`.
    public var startSeconds: Double = 2
    /// Seconds a server spends in `stopping` before `offline`.
    public var stopSeconds: Double = 1
    /// Seconds a backup takes to complete.
    public var backupSeconds: Double = 3
    /// Seconds an install/reinstall takes.
    public var installSeconds: Double = 5
    /// Seconds a backup restore takes.
    public var restoreSeconds: Double = 3
    /// Seconds a server transfer takes (Pelican's sim only).
    public var transferSeconds: Double = 10

    public init() {}

    /// Everything in a fraction of a second, for tests.
    public static var fast: SimulationTiming {
        var timing = SimulationTiming()
        timing.startSeconds = 0.05
        timing.stopSeconds = 0.05
        timing.backupSeconds = 0.05
        timing.installSeconds = 0.05
        timing.restoreSeconds = 0.05
        timing.transferSeconds = 0.05
        return timing
    }
}
