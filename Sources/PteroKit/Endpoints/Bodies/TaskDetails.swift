/// A schedule task to create or replace.
public struct TaskDetails: Encodable, Sendable, Equatable {
    /// `command`, `power` or `backup`.
    public var action: String
    /// The command, the signal, or the backup ignore list.
    public var payload: String?
    /// Seconds, 0 to 900.
    public var timeOffset: Int
    public var sequenceId: Int?
    public var continueOnFailure: Bool?

    public init(action: String, payload: String? = nil, timeOffset: Int, sequenceId: Int? = nil, continueOnFailure: Bool? = nil) {
        self.action = action
        self.payload = payload
        self.timeOffset = timeOffset
        self.sequenceId = sequenceId
        self.continueOnFailure = continueOnFailure
    }

    enum CodingKeys: String, CodingKey {
        case action
        case payload
        case timeOffset = "time_offset"
        case sequenceId = "sequence_id"
        case continueOnFailure = "continue_on_failure"
    }
}
