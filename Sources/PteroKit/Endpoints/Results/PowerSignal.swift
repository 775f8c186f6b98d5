/// What `power` asks the daemon to do.
public enum PowerSignal: String, Sendable, CaseIterable, Encodable {
    case start, stop, restart, kill
}
