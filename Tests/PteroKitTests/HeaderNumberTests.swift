import Foundation
@testable import PteroKit
import Testing

/// Numbers from a panel's headers are range-checked before they become a
/// wait or a count: none traps, none waits forever.
struct HeaderNumberTests {
    let post = PanelRequest(.post, "/api/application/servers/1/suspend")

    @Test(arguments: ["1e300", "inf", "9e15", "-inf", "nan", "99999999999999999999", "soon", "-3", ""])
    func aRetryAfterOfAnyTextGivesABoundedWait(_ text: String) {
        let response = PanelResponse(status: 429, headers: ["Retry-After": text, "X-RateLimit-Reset": text])
        let advice = ThrottleAdvice(response, window: .seconds(60))
        #expect(advice != nil)
        #expect(advice.map { $0.wait >= .zero && $0.wait <= .seconds(366 * 24 * 3600) } == true)
        _ = PanelError(request: post, response: response).description
    }

    @Test func aRetryAfterLongerThanTheCapIsReturnedAtOnceSayingHowLong() async throws {
        let transport = ScriptedTransport(status: 429, headers: ["Retry-After": "3600", "X-RateLimit-Remaining": "0"])
        var settings = ExecutorSettings.fast()
        settings.maximumThrottleWait = .seconds(300)
        let client = PanelClient(executor: Executor(transport: transport, settings: settings))
        await #expect {
            try await client.send(post)
        } throws: { error in
            "\(error)" == "POST /api/application/servers/1/suspend: 429 Too Many Requests (the panel asks to wait 3600 s): (empty body)"
        }
        #expect(transport.sendCount == 1)
    }

    @Test func aHugeRetryAfterIsRefusedNotWaitedOrTrapped() async throws {
        let transport = ScriptedTransport(status: 429, headers: ["Retry-After": "9e15", "X-RateLimit-Remaining": "0"])
        let executor = Executor(transport: transport, settings: .fast())
        #expect(try await executor.perform(post).status == 429)
        #expect(transport.sendCount == 1)
    }

    @Test func rateLimitHeadersOutOfRangeAreIgnored() async throws {
        let transport = ScriptedTransport(status: 200, headers: ["X-RateLimit-Limit": "9223372036854775807", "X-RateLimit-Remaining": "-5"])
        let executor = Executor(transport: transport, settings: .fast())
        _ = try await executor.perform(post)
        _ = try await executor.perform(post)
        #expect(executor.currentLimit(.application) == 10_000)
        let sane = ScriptedTransport(status: 200, headers: ["X-RateLimit-Limit": "120", "X-RateLimit-Remaining": "119"])
        let learning = Executor(transport: sane, settings: .fast())
        _ = try await learning.perform(post)
        #expect(learning.currentLimit(.application) == 120)
    }
}
