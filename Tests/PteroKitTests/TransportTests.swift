import Foundation
import PteroKit
import Testing

/// The HTTP transport and error reading, against the simulated panel over
/// a real socket.
struct TransportTests {
    /// A key of a panel's shape (48 characters), for settings that must validate.
    static let wellFormedKey = "ptla_" + String(repeating: "a", count: 43)

    @Test func sendsTheKeyAndReadsJSON() async throws {
        let sim = try await LiveSim.start()
        let client = try sim.client()
        let response = try await client.send(PanelRequest(.get, "/api/application/servers", query: [URLQueryItem(name: "per_page", value: "2")]))
        #expect(response.status == 200)
        #expect(response.header("X-RateLimit-Limit") == "240")
        let body = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        #expect((body?["data"] as? [Any])?.count == 2)
        await sim.stop(client)
    }

    @Test func notFoundBecomesAPanelErrorWithTheDetail() async throws {
        let sim = try await LiveSim.start()
        let client = try sim.client()
        await #expect {
            try await client.send(PanelRequest(.get, "/api/application/servers/999999"))
        } throws: { error in
            guard let error = error as? PanelError else { return false }
            return error.status == 404 && error.details.first?.code == "NotFoundHttpException"
                && error.description == "GET /api/application/servers/999999: 404 Not Found: The requested resource could not be found on the server."
        }
        await sim.stop(client)
    }

    @Test func validationErrorsNameEveryField() async throws {
        let sim = try await LiveSim.start()
        let client = try sim.client()
        let body = try RequestBody.encoding(["email": "not-an-email", "username": ""])
        do {
            try await client.send(PanelRequest(.post, "/api/application/users", body: body))
            Issue.record("an invalid user was created")
        } catch let error as PanelError {
            #expect(error.status == 422)
            let fields = Set(error.fieldErrors.compactMap(\.sourceField))
            #expect(fields.isSuperset(of: ["email", "username", "first_name", "last_name"]), "\(fields)")
            #expect(error.fullDescription.contains("email: The email must be a valid email address. [email]"), "\(error.fullDescription)")
            #expect(!error.fullDescription.contains(sim.panel.applicationKey))
        }
        await sim.stop(client)
    }

    @Test func aWrongKeyIsRefusedAndNeverShown() async throws {
        let sim = try await LiveSim.start()
        let wrong = "ptla_" + String(repeating: "x", count: 43)
        let client = try sim.client(settings: sim.settings(applicationKey: wrong))
        do {
            try await client.send(PanelRequest(.get, "/api/application/users"))
            Issue.record("a wrong key was accepted")
        } catch let error as PanelError {
            #expect(error.status == 401)
            #expect(error.description == "GET /api/application/users: 401 Unauthorized: Unauthenticated.")
            #expect(!error.fullDescription.contains(wrong))
        }
        await sim.stop(client)
    }

    @Test func aPanelUnderASubPathIsReached() async throws {
        let settings = ConnectionSettings(url: URL(string: "https://example.com/panel/")!, applicationKey: Self.wellFormedKey)
        let transport = try HTTPTransport(settings: settings)
        let request = PanelRequest(.get, "/api/application/servers", query: [URLQueryItem(name: "filter[name]", value: "a+b c")])
        #expect(transport.url(for: request) == "https://example.com/panel/api/application/servers?filter%5Bname%5D=a%2Bb%20c"
                || transport.url(for: request) == "https://example.com/panel/api/application/servers?filter[name]=a%2Bb%20c")
        try await transport.shutdown()
    }

    @Test func plainHTTPIsOnlyForThisMachineUnlessAllowed() throws {
        #expect(throws: ConfigurationError.self) {
            try ConnectionSettings(url: URL(string: "http://panel.example.com")!, applicationKey: Self.wellFormedKey).validate()
        }
        try ConnectionSettings(url: URL(string: "http://panel.example.com")!, applicationKey: Self.wellFormedKey, allowInsecure: true).validate()
        try ConnectionSettings(url: URL(string: "http://127.0.0.1:8080")!, applicationKey: Self.wellFormedKey).validate()
        try ConnectionSettings(url: URL(string: "http://localhost")!, applicationKey: Self.wellFormedKey).validate()
        #expect(throws: ConfigurationError.self) {
            try ConnectionSettings(url: URL(string: "ftp://panel")!, applicationKey: Self.wellFormedKey).validate()
        }
    }

    @Test func anHTMLProxyPageIsQuotedNotDecoded() {
        let request = PanelRequest(.get, "/api/application/servers")
        let page = Data("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>".utf8)
        let error = PanelError(request: request, response: PanelResponse(status: 502, headers: ["Content-Type": "text/html"], body: page))
        #expect(error.description == "GET /api/application/servers: 502 Bad Gateway: not the panel's JSON (text/html): 502 Bad Gateway")
        let empty = PanelError(request: request, response: PanelResponse(status: 500))
        #expect(empty.description == "GET /api/application/servers: 500 Internal Server Error: (empty body)")
    }

    @Test func aClosedPortIsARefusalThatNeverReachedThePanel() async throws {
        let settings = ConnectionSettings(url: URL(string: "http://127.0.0.1:1")!, applicationKey: Self.wellFormedKey)
        let transport = try HTTPTransport(settings: settings)
        do {
            _ = try await transport.send(PanelRequest(.post, "/api/application/users"))
            Issue.record("a closed port answered")
        } catch let error as TransportError {
            #expect(!error.reachedPanel)
            #expect(error.kind == .refused)
        }
        try await transport.shutdown()
    }
}
