import PteroKit
import PteroLang

/// What `attach(s)` in the REPL holds: the server's console connection
/// (the one the session keeps for it), and the gate a typed command passes:
/// a dry run prints it instead of sending, a read-only profile refuses it.
public struct ConsoleAttachment: Sendable {
    /// `Server#3 "survival"`, for the lines around the live console.
    public let serverText: String
    public let connection: ConsoleConnection
    let gate: WriteGate

    /// The console of `value`, a server, connected; or the sentence that
    /// says why not (not a server, a panel without a console, a failed
    /// connection).
    public static func open(_ value: Value, callee: String = "attach") throws -> ConsoleAttachment {
        guard case .host(let resource as Resource) = value, resource.kind.object == "server" else {
            throw RuntimeError("\(callee)() takes a server, e.g. \(callee)(servers[1]); got \(value.describedType)")
        }
        let reached = try ServerConsoleMembers.reach(resource, callee)
        let session = reached.session, console = reached.console
        let connection = try ServerConsoleMembers.wait(session) { try await console.connection() }
        return ConsoleAttachment(serverText: resource.displayText, connection: connection, gate: session.gate)
    }

    /// Sends `command` typed at the console; false when the gate held it
    /// back (a dry run, which printed it). Throws for a read-only profile.
    public func send(_ command: String) async throws -> Bool {
        if try gate.planConsole(command, to: serverText) { return false }
        try await connection.send(command: command)
        return true
    }
}
