import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `ptero sim` and the way to run one of `scripts/examples` against it:
/// for real, as a dry run, or killed with SIGKILL half-way.
final class ExampleRig {
    let sim: SimProcess
    let url: String
    let folder: URL
    let environment: [String: String]
    /// The sim's `/_sim/*` endpoints want the application key too.
    let applicationKey: String

    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/examples")

    init(latency: Int = 0, rateLimit: String = "off") throws {
        sim = try SimProcess(arguments: ["--seed", "1", "--latency", String(latency), "--rate-limit", rateLimit])
        guard let url = sim.url, let applicationKey = sim.applicationKey, let clientKey = sim.clientKey else {
            throw RigError(description: "ptero sim did not start: \(sim.banner)")
        }
        self.url = url
        self.applicationKey = applicationKey
        folder = try PteroBinary.temporaryFolder()
        environment = ["PTERO_APP_KEY": applicationKey, "PTERO_CLIENT_KEY": clientKey, "XDG_CONFIG_HOME": folder.path]
    }

    struct RigError: Error, CustomStringConvertible { let description: String }

    /// Runs `scripts/examples/NAME` with `options` before it and `arguments` after.
    func run(_ name: String, _ arguments: [String], options: [String] = []) throws -> PteroBinary.Result {
        try PteroBinary.run(["--url", url] + options + [Self.examples.appendingPathComponent(name).path] + arguments,
                            environment: environment, directory: folder)
    }

    /// What `code` prints against the panel now.
    func query(_ code: String) throws -> String {
        let result = try PteroBinary.run(["--url", url, "-e", code], environment: environment)
        guard result.status == 0 else { throw RigError(description: "query failed: \(result.errors)") }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Successful answers the panel gave to `METHOD route` (`/_sim/stats`).
    func successes(_ route: String) throws -> Int {
        (try requestCounts()[route] ?? [:]).filter { $0.key.hasPrefix("2") }.values.reduce(0, +)
    }

    /// Every write the panel accepted, over all routes.
    func acceptedWrites() throws -> Int {
        try requestCounts().filter { ResumeRig.isWrite($0.key) }.values.flatMap { $0.filter { $0.key.hasPrefix("2") }.values }.reduce(0, +)
    }

    /// `/_sim/stats`' answers by route and status.
    private func requestCounts() throws -> [String: [String: Int]] {
        let body = try Self.get(url + "/_sim/stats", key: applicationKey)
        let stats = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return stats?["requests"] as? [String: [String: Int]] ?? [:]
    }

    /// A plain HTTP/1.1 request on loopback, GET unless `method` says
    /// otherwise (Foundation on Linux cannot load http URLs without
    /// FoundationNetworking); returns the body.
    static func get(_ address: String, key: String? = nil, method: String = "GET") throws -> String {
        let rest = address.dropFirst("http://127.0.0.1:".count)
        guard let slash = rest.firstIndex(of: "/"), let port = UInt16(rest[..<slash]) else {
            throw RigError(description: "not a loopback URL: \(address)")
        }
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var target = sockaddr_in()
        target.sin_family = sa_family_t(AF_INET)
        target.sin_port = port.bigEndian
        target.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw RigError(description: "cannot connect to \(address)") }
        // A sim that stops answering fails the test after 30 s instead of hanging it.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let authorization = key.map { "Authorization: Bearer \($0)\r\n" } ?? ""
        let request = "\(method) \(rest[slash...]) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(authorization)Connection: close\r\n\r\n"
        _ = request.withCString { send(socket, $0, strlen($0), 0) }
        var response = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw RigError(description: "no answer from \(address)") }
        return String(text[split.upperBound...])
    }

    /// Starts the example with `--journal`, waits until `writes` writes are
    /// journaled, then SIGKILLs it (no chance to clean up). Returns the
    /// journal's path.
    func killHalfWay(_ name: String, _ arguments: [String], afterWrites writes: Int) throws -> String {
        let journal = folder.appendingPathComponent("\(name).journal").path
        let process = Process()
        process.executableURL = PteroBinary.url
        process.arguments = ["--url", url, "--yes", "--journal", journal, Self.examples.appendingPathComponent(name).path] + arguments
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        process.environment = merged
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline, journaledWrites(journal) < writes { usleep(20_000) }
        guard process.isRunning else { throw RigError(description: "\(name) finished before it could be killed") }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return journal
    }

    /// Writes the journal at `path` holds as done (outcome records with a 2xx status).
    func journaledWrites(_ path: String) -> Int {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
        return text.split(separator: "\n").filter { line in
            line.contains("\"kind\":\"outcome\"") && line.range(of: #""status":2[0-9][0-9]"#, options: .regularExpression) != nil
        }.count
    }
}
