import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import PteroSim

/// The sim's own endpoints, links, stalled connections and large bodies: what one
/// careless or hostile client (or web page) could do to everybody else's sim.
@Suite struct SimSafetyTests {
    @Test func simEndpointsWantTheApplicationKey() async throws {
        try await withSim { sim in
            _ = try await sim.app(.post, "/locations", json: #"{"short":"kept"}"#)
            for key in [nil, sim.clientKey, "ptla_" + String(repeating: "x", count: 43)] {
                let reset = try await sim.request(.post, "/_sim/reset", key: key)
                #expect(reset.status == 401)
                #expect(reset.errorCode == "AuthenticationException")
                let stats = try await sim.request(.get, "/_sim/stats", key: key)
                #expect(stats.status == 401)
            }
            let kept = try await sim.app(.get, "/locations?filter[short]=kept")
            #expect(kept.data.count == 1)
            let stats = try await sim.request(.get, "/_sim/stats", key: sim.appKey)
            #expect(stats.status == 200)
            #expect(stats.json["requests"] != nil)
        }
    }

    @Test func linksNameTheSimsOwnAddressNotTheRequestsHost() async throws {
        let panel = SimulatedPanel(options: .testing())
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let server = Task { try await panel.run { url in continuation.yield(url) } }
        defer { server.cancel() }
        var iterator = stream.makeAsyncIterator()
        let url = try #require(await iterator.next())
        var request = HTTPClientRequest(url: url + "/api/application/servers?per_page=1")
        request.headers.add(name: "Authorization", value: "Bearer \(panel.applicationKey)")
        request.headers.add(name: "Host", value: "evil.example")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        let json = try JSONParser.parse(Array(body.readableBytesView))
        let next = try #require(json["meta"]?["pagination"]?["links"]?["next"]?.stringValue)
        #expect(next == url + "/api/application/servers?page=2")
        server.cancel()
        _ = await server.result
    }

    /// A request head that stops half-way was held open for ever; now the idle timeout closes it.
    @Test func halfSentRequestIsClosedAfterTheIdleTimeout() async throws {
        var options = SimulatorOptions.testing()
        options.idleTimeout = .milliseconds(200)
        let panel = SimulatedPanel(options: options)
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let server = Task { try await panel.run { url in continuation.yield(url) } }
        var iterator = stream.makeAsyncIterator()
        let url = try #require(await iterator.next())
        let port = try #require(UInt16(url.split(separator: ":").last ?? ""))
        // Waits (at most 20 s, the bound of this test) for the sim to close the connection.
        let outcome = try HalfSentRequest.send("GET /api/application/servers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthor", port: port, bound: 20)
        #expect(outcome != .stillOpen)
        server.cancel()
        _ = await server.result
    }

    /// Object parsing compared every key with every earlier one: 200,000 keys took 59 s.
    @Test(.timeLimit(.minutes(1))) func objectWithManyKeysParsesInLinearTime() throws {
        let count = 400_000
        var text = "{"
        for index in 0..<count { text += "\"k\(index)\":\(index)," }
        text += "\"k7\":\"again\"}"
        let value = try JSONParser.parse(Array(text.utf8))
        let pairs = try #require(value.objectValue)
        #expect(pairs.count == count)
        // A repeated key keeps its first place and takes the last value, as json_decode does.
        #expect(pairs[7].0 == "k7")
        #expect(pairs[7].1 == .string("again"))
        #expect(pairs.last?.0 == "k\(count - 1)")
    }

    @Test(.timeLimit(.minutes(1))) func largeObjectBodyIsAnsweredAndOthersStillAre() async throws {
        try await withSim { sim in
            var text = "{\"short\":\"many\""
            for index in 0..<200_000 { text += ",\"k\(index)\":1" }
            text += "}"
            let result = try await sim.app(.post, "/locations", json: text)
            #expect(result.status == 201)
            let check = try await sim.app(.get, "/locations?filter[short]=many")
            #expect(check.data.count == 1)
        }
    }
}

/// A raw loopback connection that sends part of a request and reports what the server did.
enum HalfSentRequest {
    enum Outcome: Equatable { case closedByServer, answered, stillOpen }

    static func send(_ text: String, port: UInt16, bound seconds: Int) throws -> Outcome {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var limit = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var target = sockaddr_in()
        target.sin_family = sa_family_t(AF_INET)
        target.sin_port = port.bigEndian
        target.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw SocketError(description: "cannot connect to port \(port)") }
        _ = text.withCString { Glibc.send(socket, $0, strlen($0), 0) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let read = recv(socket, &buffer, buffer.count, 0)
        if read == 0 { return .closedByServer }
        if read > 0 { return .answered }
        return errno == EAGAIN || errno == EWOULDBLOCK ? .stillOpen : .closedByServer
    }

    struct SocketError: Error, CustomStringConvertible { let description: String }
}
