import Foundation

/// A connection to one panel: every endpoint is a method on this type (see
/// `Endpoints/`), each request goes through the shared executor. The
/// methods take their method and route from the rows of `table`, so a path
/// is written once, in the table (README, "One description of the panel").
public final class PanelClient: Sendable {
    public let executor: Executor
    /// The dialect's endpoints; a method whose row it lacks throws
    /// `EndpointUnavailable` before anything is sent.
    public let table: APITable

    public init(executor: Executor, table: APITable = .pterodactyl1) {
        self.executor = executor
        self.table = table
    }

    /// Sends `request`; a non-2xx answer becomes a `PanelError`.
    @discardableResult
    public func send(_ request: PanelRequest) async throws -> PanelResponse {
        let response = try await executor.perform(request)
        guard response.isSuccess else { throw PanelError(request: request, response: response) }
        return response
    }

    /// Sends `request` and decodes the body as `Value`; a body that does
    /// not decode is a `PanelError` quoting it, never a decoding trace.
    public func send<Value: Decodable>(_ request: PanelRequest, as type: Value.Type) async throws -> Value {
        let response = try await send(request)
        do {
            return try JSONDecoder().decode(Value.self, from: response.body)
        } catch {
            var failure = PanelError(method: request.method, path: request.path, status: response.status)
            let start = String(decoding: response.body.prefix(80), as: UTF8.self)
            failure.unparsedBody = "the answer is not the expected \(Value.self) (\(Self.describe(error))): \(start)"
            throw failure
        }
    }

    /// Names the field a decoding error is about, in one line.
    static func describe(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch decoding {
        case .keyNotFound(let key, let context): return "missing \(path(context).isEmpty ? "" : path(context) + ".")\(key.stringValue)"
        case .typeMismatch(let type, let context): return "\(path(context)) is not \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)) is null, expected \(type)"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
