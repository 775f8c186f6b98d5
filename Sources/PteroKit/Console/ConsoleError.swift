/// Why a console connection failed or ended, in words for the user. It
/// never holds the token or the socket URL's query (`ConsoleAddress.shown`).
public struct ConsoleError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Status: String, Sendable, Equatable {
        /// The node could not be reached (refused, no such name, connect timeout).
        case connect
        /// The node answered the upgrade with something else than 101 (Origin, no such server, too many sockets).
        case refused
        /// An answer (upgrade, `auth success`) did not come in time.
        case timeout
        /// The token was refused and a fresh one was refused too.
        case authentication
        /// The node closed the socket, or it dropped and did not come back.
        case closed
        /// Pelican's Wings closed the socket with 4409: the server is suspended.
        case suspended
        /// The socket URL or a setting cannot be used.
        case invalid
        /// `connect()` has not been called, or `close()` has.
        case notConnected
    }

    public var status: Status
    public var message: String
    /// The close code the node sent, when it closed the socket.
    public var closeCode: UInt16?

    public init(_ status: Status, _ message: String, closeCode: UInt16? = nil) {
        self.status = status
        self.message = message
        self.closeCode = closeCode
    }

    public var description: String { message }
}
