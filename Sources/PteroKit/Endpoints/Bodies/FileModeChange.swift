/// One file of `files/chmod`.
public struct FileModeChange: Codable, Sendable, Equatable {
    public var file: String
    /// Octal digits written as a decimal number, e.g. 755.
    public var mode: Int

    public init(file: String, mode: Int) {
        self.file = file
        self.mode = mode
    }

    enum CodingKeys: String, CodingKey {
        case file
        case mode
    }
}
