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
                                      after: TransportError(kind: reset.kind, reachedPanel: reset.reachedPanel, message: ""), resend: .whenIdempotent))
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
            #expect(!RetryPolicy.mayRetry(get, after: TransportError(kind: kind, reachedPanel: false, message: ""), resend: .whenIdempotent), "\(kind)")
        }
        #expect(RetryPolicy.mayRetry(get, after: TransportError(kind: .timeout, reachedPanel: true, message: ""), resend: .whenIdempotent))
    }

    /// A caller that keeps a journal judges a write's lost answer itself: the
    /// executor resends a PATCH that may have arrived only when asked to.
    @Test func aWriteThatMayHaveArrivedIsResentOnlyWhenTheCallerAllowsIt() {
        let patch = PanelRequest(.patch, "/api/application/servers/1/details")
        let get = PanelRequest(.get, "/api/application/servers/1")
        let lost = TransportError(kind: .connectionLost, reachedPanel: true, message: "")
        let undelivered = TransportError(kind: .connect, reachedPanel: false, message: "")
        #expect(RetryPolicy.mayRetry(patch, after: lost, resend: .whenIdempotent))
        #expect(!RetryPolicy.mayRetry(patch, after: lost, resend: .onlyUndelivered))
        #expect(RetryPolicy.mayRetry(patch, after: undelivered, resend: .onlyUndelivered))
        #expect(RetryPolicy.mayRetry(get, after: lost, resend: .onlyUndelivered))
        #expect(RetryPolicy.mayRetry(patch, status: 504, resend: .whenIdempotent))
        #expect(!RetryPolicy.mayRetry(patch, status: 504, resend: .onlyUndelivered))
        #expect(!RetryPolicy.mayRetry(patch, status: 502, resend: .onlyUndelivered))
        #expect(RetryPolicy.mayRetry(patch, status: 503, resend: .onlyUndelivered))
        #expect(RetryPolicy.mayRetry(get, status: 502, resend: .onlyUndelivered))
    }
}
