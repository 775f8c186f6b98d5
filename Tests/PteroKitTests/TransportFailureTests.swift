import Foundation
@testable import PteroKit
import Testing

/// The transport against panels that misbehave on a real socket: silent,
/// slow, resetting, refusing, redirecting, oversized, echoing the key.
/// Timeouts are short so that each test ends within about a second; the
/// tests run one at a time so that none starves another's event loop.
@Suite(.serialized)
struct TransportFailureTests {
    static let key = "ptla_" + String(repeating: "k", count: 43)
    let post = PanelRequest(.post, "/api/application/users", body: .json(Data("{}".utf8)))
    let get = PanelRequest(.get, "/api/application/users")

    func transport(_ url: URL, readTimeout: Duration = .milliseconds(400),
                   requestTimeout: Duration = .milliseconds(900)) throws -> HTTPTransport {
        try HTTPTransport(settings: ConnectionSettings(url: url, applicationKey: Self.key,
                                                       connectTimeout: .seconds(2), readTimeout: readTimeout,
                                                       requestTimeout: requestTimeout))
    }

    /// Sends through an executor that would retry (fast), and returns the error.
    func failure(_ request: PanelRequest, at url: URL, readTimeout: Duration = .milliseconds(400),
                 requestTimeout: Duration = .milliseconds(900)) async throws -> TransportError? {
        let transport = try transport(url, readTimeout: readTimeout, requestTimeout: requestTimeout)
        defer { Task { try? await transport.shutdown() } }
        let executor = Executor(transport: transport, settings: .fast(maximumRetries: 5))
        do {
            _ = try await executor.perform(request)
            return nil
        } catch let error as TransportError {
            return error
        }
    }

    @Test func aPostWhoseConnectionIsResetAfterThePanelReadItIsSentOnce() async throws {
        let panel = try await MisbehavingPanel.start(.resetAfterRequest)
        let error = try await failure(post, at: panel.url)
        #expect(panel.requests.count == 1)
        #expect(panel.requests.first?.hasPrefix("POST /api/application/users") == true)
        #expect(error?.reachedPanel == true)
        #expect(error?.message.contains("could not connect") == false, "\(error?.message ?? "")")
        await panel.stop()
    }

    @Test func aPanelThatNeverAnswersTimesOut() async throws {
        let panel = try await MisbehavingPanel.start(.silent)
        let error = try await failure(post, at: panel.url)
        #expect(error?.kind == .timeout)
        #expect(panel.requests.count == 1)
        await panel.stop()
    }

    @Test func anAnswerTrickledAByteAtATimeEndsAtTheRequestTimeout() async throws {
        // Each byte comes well within the read timeout (50 ms apart against
        // 3 s, a margin a loaded machine keeps); the whole (5 s) never comes
        // within the request timeout.
        let panel = try await MisbehavingPanel.start(.trickle(head: "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n",
                                                              body: String(repeating: "x", count: 100), interval: .milliseconds(50)))
        let error = try await failure(post, at: panel.url, readTimeout: .seconds(3), requestTimeout: .seconds(1))
        #expect(error?.kind == .timeout)
        #expect(error?.message.contains("request timeout") == true, "\(error?.message ?? "")")
        await panel.stop()
    }

    @Test func aHeadTrickledAByteAtATimeEndsAtTheRequestTimeout() async throws {
        let panel = try await MisbehavingPanel.start(.trickle(head: "", body: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}",
                                                              interval: .milliseconds(100)))
        // async-http-client sees no part of a head until it is whole, so
        // its read timeout may end this before the request timeout does.
        let error = try await failure(post, at: panel.url)
        #expect(error?.kind == .timeout)
        #expect(panel.requests.count == 1)
        await panel.stop()
    }

    @Test func aRefusedConnectionIsReportedAtOnceWithoutRetries() async throws {
        let port = try await MisbehavingPanel.refusingPort()
        let transport = try transport(URL(string: "http://127.0.0.1:\(port)")!)
        let counting = CountingTransport(transport)
        let executor = Executor(transport: counting, settings: .fast(maximumRetries: 5))
        do {
            _ = try await executor.perform(get)
            Issue.record("a closed port answered")
        } catch let error as TransportError {
            #expect(error.kind == .refused)
            #expect(!error.reachedPanel)
            #expect(error.message.contains("refused the connection"), "\(error.message)")
        }
        #expect(counting.snapshot.sent == 1)
        try await transport.shutdown()
    }

    @Test func anAnswerLargerThan64MiBIsSaidOnceWithoutRetries() async throws {
        let panel = try await MisbehavingPanel.start(.huge(megabytes: 65))
        // Time enough to receive 64 MiB on a loaded machine.
        let error = try await failure(get, at: panel.url, readTimeout: .seconds(5), requestTimeout: .seconds(20))
        #expect(error?.kind == .tooLarge)
        #expect(error?.message == "GET /api/application/users: the panel's answer is larger than 64 MiB")
        #expect(panel.requests.count == 1)
        await panel.stop()
    }

    @Test func aRedirectIsNotFollowedAndNamesOnlyTheHost() async throws {
        let panel = try await MisbehavingPanel.start(.answer(
            "HTTP/1.1 302 Found\r\nLocation: https://elsewhere.example:8443/login?token=abc\r\nContent-Length: 0\r\n\r\n"))
        let error = try await failure(get, at: panel.url)
        #expect(error?.kind == .redirected)
        #expect(error?.message.contains("pointing to https://elsewhere.example:8443;") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("token") == false)
        #expect(panel.requests.count == 1)
        await panel.stop()
    }

    @Test func noRequestFollowsARedirectToAnotherPort() async throws {
        let elsewhere = try await MisbehavingPanel.start(.answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"))
        let panel = try await MisbehavingPanel.start(.answer(
            "HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:\(elsewhere.port)/api/application/users\r\nContent-Length: 0\r\n\r\n"))
        let error = try await failure(post, at: panel.url)
        #expect(error?.kind == .redirected)
        #expect(error?.message.contains("pointing to http://127.0.0.1:\(elsewhere.port);") == true, "\(error?.message ?? "")")
        #expect(panel.requests.count == 1)
        #expect(elsewhere.requests.isEmpty)
        await panel.stop()
        await elsewhere.stop()
    }

    @Test func aProxyThatEchoesTheKeyHasItScrubbedAndItsControlsShown() async throws {
        let panel = try await MisbehavingPanel.start(.echoAuthorization(extra: "\u{1B}]0;owned\u{07}"))
        let transport = try transport(panel.url)
        let client = PanelClient(executor: Executor(transport: transport, settings: .fast()))
        do {
            try await client.send(get)
            Issue.record("a 500 was taken for an answer")
        } catch let error as PanelError {
            #expect(!error.description.contains(Self.key))
            #expect(!error.fullDescription.contains(Self.key))
            #expect(error.description.contains("Bearer [secret]"), "\(error.description)")
            #expect(!error.description.contains("\u{1B}"))
            #expect(error.description.contains("\\u{1B}]0;owned\\u{7}"), "\(error.description)")
        }
        try await transport.shutdown()
        await panel.stop()
    }
}
