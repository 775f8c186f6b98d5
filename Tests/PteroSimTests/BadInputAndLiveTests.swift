import AsyncHTTPClient
import Foundation
import Testing
@testable import PteroSim

@Suite struct BadInputTests {
    @Test func malformedJSONIs400() async throws {
        try await withSim { sim in
            let result = try await sim.app(.post, "/locations", json: #"{"short": "#)
            #expect(result.status == 400)
            #expect(result.errorCode == "BadRequestHttpException")
            #expect(result.errorDetail == "The JSON data passed in the request appears to be malformed: Syntax error")
        }
    }

    @Test func wrongTypesAreValidationErrors() async throws {
        try await withSim { sim in
            let result = try await sim.app(.post, "/locations", json: #"{"short":["a"],"long":5}"#)
            #expect(result.errors.compactMap { $0["detail"]?.stringValue } == ["The Location Identifier must be a string.", "The Location Description must be a string."])
        }
    }

    @Test func unknownRouteAndWrongVerb() async throws {
        try await withSim { sim in
            let missing = try await sim.app(.get, "/foo")
            #expect(missing.status == 404)
            #expect(missing.errorDetail == "The route api/application/foo could not be found.")
            let verb = try await sim.app(.put, "/users")
            #expect(verb.status == 405)
            #expect(verb.errorCode == "MethodNotAllowedHttpException")
            // Laravel 10's requestMethodNotAllowed: the route's path, the verbs in Router::$verbs order.
            #expect(verb.errorDetail == "The PUT method is not supported for route api/application/users. Supported methods: GET, HEAD, POST.")
            #expect(verb.header("Allow") == "GET, HEAD, POST")
            let one = try await sim.app(.post, "/users/1")
            #expect(one.errorDetail == "The POST method is not supported for route api/application/users/1. Supported methods: GET, HEAD, PATCH, DELETE.")
            // OPTIONS is answered before authentication: an empty 200 naming the verbs.
            let options = try await sim.request(.options, "/api/application/users/1", key: nil)
            #expect(options.status == 200)
            #expect(options.header("Allow") == "GET,HEAD,PATCH,DELETE")
            #expect(options.text.isEmpty)
        }
    }

    @Test func hugeBodyIsRefusedWithoutCrash() async throws {
        try await withSim { sim in
            let huge = String(repeating: "x", count: 17 * 1024 * 1024)
            let result = try await sim.app(.post, "/locations", json: "{\"short\":\"\(huge)\"}")
            #expect(result.status == 413)
            let check1 = try await sim.app(.get, "/locations").status == 200
            #expect(check1)
        }
    }

    @Test func resetRestoresSeededData() async throws {
        try await withSim { sim in
            _ = try await sim.app(.post, "/locations", json: #"{"short":"kept"}"#)
            let check3 = try await sim.request(.post, "/_sim/reset", key: sim.appKey).status == 204
            #expect(check3)
            let after = try await sim.app(.get, "/locations?filter[short]=kept")
            #expect(after.data.isEmpty)
        }
    }
}

@Suite struct LiveTests {
    @Test func servesOverARealSocket() async throws {
        let panel = SimulatedPanel(options: .testing())
        try await panel.makeApplication().test(.live) { client in
            let response = try await client.execute(uri: "/api/application/servers/3", method: .get,
                                                    headers: [.authorization: "Bearer \(panel.applicationKey)", .accept: "application/json"])
            #expect(response.status.code == 200)
            #expect(String(buffer: response.body).hasPrefix(#"{"object":"server","attributes":{"id":3,"#))
        }
    }

    @Test func runCallsOnReadyWithALoopbackURL() async throws {
        let panel = SimulatedPanel(options: .testing())
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let server = Task { try await panel.run { url in continuation.yield(url) } }
        var iterator = stream.makeAsyncIterator()
        let url = await iterator.next() ?? ""
        #expect(url.hasPrefix("http://127.0.0.1:"))
        #expect(Int(url.split(separator: ":").last ?? "") ?? 0 > 0)
        var request = HTTPClientRequest(url: url + "/api/client/account")
        request.headers.add(name: "Authorization", value: "Bearer \(panel.clientKey)")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
        #expect(response.status.code == 200)
        let body = try await response.body.collect(upTo: 1 << 20)
        #expect(String(buffer: body).contains(#""object":"user""#))
        server.cancel()
        _ = await server.result
    }

    @Test func faultInjectionAnswersWithServerErrors() async throws {
        var options = SimulatorOptions.testing()
        options.faultRate = 1
        let panel = SimulatedPanel(options: options)
        try await panel.makeApplication().test(.router) { client in
            var statuses: Set<UInt> = []
            for _ in 0..<12 {
                if let response = try? await client.execute(uri: "/api/application/nodes", method: .get,
                                                           headers: [.authorization: "Bearer \(panel.applicationKey)"]) {
                    statuses.insert(UInt(response.status.code))
                }
            }
            #expect(!statuses.contains(200))
            #expect(!statuses.isDisjoint(with: [500, 502, 503]))
        }
    }

    @Test func latencyIsAddedToApiAnswers() async throws {
        var options = SimulatorOptions.testing()
        options.latencyMilliseconds = 40
        let panel = SimulatedPanel(options: options)
        try await panel.makeApplication().test(.router) { client in
            let clock = ContinuousClock()
            let started = clock.now
            let response = try await client.execute(uri: "/api/client/account", method: .get, headers: [.authorization: "Bearer \(panel.clientKey)"])
            #expect(response.status.code == 200)
            #expect(clock.now - started >= .milliseconds(30))
        }
    }
}
