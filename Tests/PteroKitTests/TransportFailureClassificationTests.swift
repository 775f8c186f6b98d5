import AsyncHTTPClient
import Foundation
import NIOCore
@testable import PteroKit
import Testing

/// Send failures are judged by their type, never by their wording: only a
/// failure before any byte left may be resent as a POST.
struct TransportFailureClassificationTests {
    @Test func aResetIsNotACouldNotConnect() {
        let reset = TransportFailure.classify(IOError(errnoCode: ECONNRESET, reason: "Connection reset by peer (connect)"))
        #expect(reset.kind == .connectionLost)
        #expect(reset.reachedPanel)
        #expect(!RetryPolicy.mayRetry(PanelRequest(.post, "/api/application/users"),
                                      after: TransportError(kind: reset.kind, reachedPanel: reset.reachedPanel, message: "")))
    }

    @Test func onlyFailuresBeforeConnectingNeverReachedThePanel() {
        #expect(TransportFailure.classify(ChannelError.connectTimeout(.seconds(1))) ==
                TransportFailure(kind: .connect, reachedPanel: false, reason: .connectTimedOut))
        #expect(TransportFailure.classify(HTTPClientError.connectTimeout).reachedPanel == false)
        #expect(TransportFailure.classify(IOError(errnoCode: ECONNREFUSED, reason: "connect")).kind == .refused)
        for error: Error in [HTTPClientError.readTimeout, HTTPClientError.remoteConnectionClosed, HTTPClientError.deadlineExceeded,
                             ChannelError.eof, IOError(errnoCode: EPIPE, reason: "write")] {
            #expect(TransportFailure.classify(error).reachedPanel, "\(error)")
        }
        struct Unknown: Error, CustomStringConvertible { var description: String { "could not connect, refused" } }
        #expect(TransportFailure.classify(Unknown()).reachedPanel)
    }

    @Test func aRefusalATooLargeAnswerAndARedirectAreNeverRetried() {
        let get = PanelRequest(.get, "/api/application/users")
        for kind: TransportError.Kind in [.refused, .tooLarge, .redirected] {
            #expect(!RetryPolicy.mayRetry(get, after: TransportError(kind: kind, reachedPanel: false, message: "")), "\(kind)")
        }
        #expect(RetryPolicy.mayRetry(get, after: TransportError(kind: .timeout, reachedPanel: true, message: "")))
    }
}
