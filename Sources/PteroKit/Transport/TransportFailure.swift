import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTPCompression
import NIOPosix

/// What a failed send means for the executor, read from the typed errors of
/// NIO and async-http-client, never from their wording: whether any byte of
/// the request may have reached the panel decides whether a POST may be
/// sent again ("Connection reset" is not "could not connect").
struct TransportFailure: Equatable {
    var kind: TransportError.Kind
    var reachedPanel: Bool
    /// Why, for the user, with the cause when it helps.
    var reason: Reason

    enum Reason: Equatable {
        case refused, nameNotFound, connectFailed, connectTimedOut
        case silent, deadline, closed, reset, tooLarge
        case other(String)
    }

    static func classify(_ error: Error) -> TransportFailure {
        switch error {
        case let error as HTTPClientError: classify(error)
        case let error as NIOConnectionError: classify(error)
        case let error as IOError: classify(errno: error.errnoCode)
        case let error as ChannelError: classify(error)
        case is NIOTooManyBytesError: TransportFailure(kind: .tooLarge, reachedPanel: true, reason: .tooLarge)
        case let error as NIOHTTPDecompression.DecompressionError where error == .limit:
            TransportFailure(kind: .tooLarge, reachedPanel: true, reason: .tooLarge)
        case is SocketAddressError: TransportFailure(kind: .connect, reachedPanel: false, reason: .nameNotFound)
        default: TransportFailure(kind: .other, reachedPanel: true, reason: .other(String(describing: error)))
        }
    }

    static func classify(_ error: HTTPClientError) -> TransportFailure {
        switch error {
        case .connectTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
            TransportFailure(kind: .connect, reachedPanel: false, reason: .connectTimedOut)
        case .readTimeout, .writeTimeout:
            TransportFailure(kind: .timeout, reachedPanel: true, reason: .silent)
        case .deadlineExceeded:
            TransportFailure(kind: .timeout, reachedPanel: true, reason: .deadline)
        case .remoteConnectionClosed:
            TransportFailure(kind: .connectionLost, reachedPanel: true, reason: .closed)
        default:
            TransportFailure(kind: .other, reachedPanel: true, reason: .other(String(describing: error)))
        }
    }

    /// Every address of the host failed before a connection existed.
    static func classify(_ error: NIOConnectionError) -> TransportFailure {
        if error.connectionErrors.isEmpty {
            return TransportFailure(kind: .connect, reachedPanel: false,
                                    reason: error.dnsAError != nil || error.dnsAAAAError != nil ? .nameNotFound : .connectFailed)
        }
        let refused = error.connectionErrors.allSatisfy { failure in
            (failure.error as? IOError)?.errnoCode == ECONNREFUSED
        }
        return TransportFailure(kind: refused ? .refused : .connect, reachedPanel: false, reason: refused ? .refused : .connectFailed)
    }

    static func classify(_ error: ChannelError) -> TransportFailure {
        switch error {
        case .connectTimeout: TransportFailure(kind: .connect, reachedPanel: false, reason: .connectTimedOut)
        case .eof, .ioOnClosedChannel, .alreadyClosed, .inputClosed, .outputClosed:
            TransportFailure(kind: .connectionLost, reachedPanel: true, reason: .closed)
        default: TransportFailure(kind: .other, reachedPanel: true, reason: .other(String(describing: error)))
        }
    }

    /// An `errno` from a socket. Only a refusal is known to come before a
    /// byte was sent; a reset or a broken pipe may come after the panel
    /// read the request.
    static func classify(errno code: CInt) -> TransportFailure {
        switch code {
        case ECONNREFUSED: TransportFailure(kind: .refused, reachedPanel: false, reason: .refused)
        case ECONNRESET, EPIPE, ECONNABORTED: TransportFailure(kind: .connectionLost, reachedPanel: true, reason: .reset)
        case ETIMEDOUT: TransportFailure(kind: .timeout, reachedPanel: true, reason: .silent)
        default: TransportFailure(kind: .other, reachedPanel: true, reason: .other(String(cString: strerror(code))))
        }
    }

    /// One clause for the error message; `host` is the panel's address
    /// without path, user or query.
    func explanation(host: String) -> String {
        switch reason {
        case .refused: "\(host) refused the connection (nothing listens there; is the panel running, and is the url right?)"
        case .nameNotFound: "could not find \(host) (name lookup failed)"
        case .connectFailed: "could not connect to \(host)"
        case .connectTimedOut: "could not connect to \(host) in time"
        case .silent: "the panel stopped answering (no data within the read timeout)"
        case .deadline: "the panel did not finish answering within the request timeout"
        case .closed: "the connection closed before an answer"
        case .reset: "the connection was reset before an answer"
        case .tooLarge: "the panel's answer is larger than \(HTTPTransport.maximumBodySize / (1024 * 1024)) MiB"
        case .other(let text): "no answer (\(text))"
        }
    }
}
