import Foundation
@testable import PteroKit
import Testing

/// Which failures the executor sends again, against a scripted transport.
struct ExecutorRetryTests {
    let get = PanelRequest(.get, "/api/application/servers")
    let post = PanelRequest(.post, "/api/application/servers/1/suspend")

    @Test func a429IsWaitedOutForRetryAfterAndThePostResent() async throws {
        let transport = ScriptedTransport { _, attempt in
            attempt == 0
                ? PanelResponse(status: 429, headers: ["Retry-After": "1", "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "0"])
                : PanelResponse(status: 204, headers: ["X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "59"])
        }
        let executor = Executor(transport: transport, settings: .fast())
        let response = try await executor.perform(post)
        #expect(response.status == 204)
        let sends = transport.log.sends
        #expect(sends.count == 2)
        #expect(sends[1] - sends[0] >= .seconds(1))
        #expect(executor.counters.throttled == 1)
        #expect(executor.counters.retried == 0)
        #expect(executor.counters.waitedForLimit >= .milliseconds(900))
    }

    @Test func a429ForABusinessRuleIsReturned() async throws {
        // The API had room (Remaining 57): the backup throttle said no.
        let transport = ScriptedTransport(status: 429, headers: ["Retry-After": "600", "X-RateLimit-Remaining": "57"])
        let executor = Executor(transport: transport, settings: .fast())
        let response = try await executor.perform(post)
        #expect(response.status == 429)
        #expect(transport.sendCount == 1)
    }

    @Test func aPostThatReachedThePanelIsNotResent() async throws {
        let transport = ScriptedTransport { _, _ in
            throw TransportError(kind: .connectionLost, reachedPanel: true, message: "closed")
        }
        let executor = Executor(transport: transport, settings: .fast())
        await #expect(throws: TransportError.self) { try await executor.perform(post) }
        #expect(transport.sendCount == 1)
        #expect(executor.counters.failed == 1)
    }

    @Test func aPostThatNeverLeftIsResent() async throws {
        let transport = ScriptedTransport { _, attempt in
            if attempt < 2 { throw TransportError(kind: .connect, reachedPanel: false, message: "refused") }
            return PanelResponse(status: 204)
        }
        let executor = Executor(transport: transport, settings: .fast())
        #expect(try await executor.perform(post).status == 204)
        #expect(transport.sendCount == 3)
        #expect(executor.counters.retried == 2)
    }

    @Test func aGetIsRetriedAfterALostAnswer() async throws {
        let transport = ScriptedTransport { _, attempt in
            if attempt == 0 { throw TransportError(kind: .timeout, reachedPanel: true, message: "slow") }
            return PanelResponse(status: 200)
        }
        let executor = Executor(transport: transport, settings: .fast())
        #expect(try await executor.perform(get).status == 200)
        #expect(transport.sendCount == 2)
    }

    @Test func a503IsRetriedUpToTheLimitThenReturned() async throws {
        let transport = ScriptedTransport(status: 503)
        let executor = Executor(transport: transport, settings: .fast(maximumRetries: 3))
        #expect(try await executor.perform(get).status == 503)
        #expect(transport.sendCount == 4)
        #expect(executor.counters.retried == 3)
        #expect(executor.counters.failed == 1)
    }

    @Test(arguments: [502, 504])
    func gatewayFailuresAreRetried(status: Int) async throws {
        let transport = ScriptedTransport { _, attempt in PanelResponse(status: attempt == 0 ? status : 200) }
        let executor = Executor(transport: transport, settings: .fast())
        #expect(try await executor.perform(get).status == 200)
        #expect(transport.sendCount == 2)
    }

    @Test func a500IsNotRetried() async throws {
        let transport = ScriptedTransport(status: 500)
        let executor = Executor(transport: transport, settings: .fast())
        #expect(try await executor.perform(get).status == 500)
        #expect(transport.sendCount == 1)
    }

    @Test func aPostIsNotRetriedOn503() async throws {
        let transport = ScriptedTransport(status: 503)
        let executor = Executor(transport: transport, settings: .fast())
        #expect(try await executor.perform(post).status == 503)
        #expect(transport.sendCount == 1)
    }

    @Test func answersThatAreNotFailuresAreReturnedAsTheyAre() async throws {
        let transport = ScriptedTransport(status: 404)
        let executor = Executor(transport: transport, settings: .fast())
        #expect(try await executor.perform(get).status == 404)
        #expect(executor.counters == { var c = ExecutorCounters(); c.sent = 1; return c }())
    }

    @Test func backoffGrowsAndStaysUnderTheCap() {
        var settings = ExecutorSettings()
        settings.retryBaseDelay = .milliseconds(100)
        settings.retryMaximumDelay = .seconds(1)
        let first = RetryPolicy.backoff(retry: 0, settings: settings)
        #expect(first >= .milliseconds(50) && first <= .milliseconds(100))
        let third = RetryPolicy.backoff(retry: 2, settings: settings)
        #expect(third >= .milliseconds(200) && third <= .milliseconds(400))
        let late = RetryPolicy.backoff(retry: 30, settings: settings)
        #expect(late >= .milliseconds(500) && late <= .seconds(1))
    }
}
