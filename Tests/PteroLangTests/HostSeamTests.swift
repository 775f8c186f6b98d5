import Testing
@testable import PteroLang

/// What a host value throws reaches the script as a script error: caught
/// by `try`/`catch`, or shown with its place, whatever the error's type.
struct HostSeamTests {
    /// An error of the host's own, as PteroKit's `ConfigurationError` is.
    struct HostFailure: Error, CustomStringConvertible {
        var description: String { "no client key is configured" }
    }

    /// A test host value whose every door throws `HostFailure`.
    final class Failing: HostValue {
        var typeName: String { "Failing" }
        func member(_ name: String, interpreter: Interpreter) throws -> Value? { throw HostFailure() }
        func callMethod(_ name: String, arguments: inout Arguments, interpreter: Interpreter) throws -> Value? { throw HostFailure() }
        func index(_ key: Value, interpreter: Interpreter) throws -> Value? { throw HostFailure() }
        func makeIterator(interpreter: Interpreter) throws -> (any HostIterator)? { throw HostFailure() }
        func call(arguments: inout Arguments, interpreter: Interpreter) throws -> Value? { throw HostFailure() }
    }

    func run(_ code: String) throws -> String {
        var output: [String] = []
        let interpreter = Interpreter(output: { output.append($0) })
        interpreter.globals.defineConstant("host", .host(Failing()))
        _ = try interpreter.run(Source(name: "seam.ptero", text: code))
        return output.joined()
    }

    @Test(arguments: ["host.power(\"restart\")", "host.name", "host[1]", "host(1)", "for x in host { }"])
    func aHostsOwnErrorIsCaughtByTry(_ access: String) throws {
        #expect(try run("try { \(access) } catch e { print(\"caught:\", e.message) }") == "caught: no client key is configured\n")
    }

    @Test func anUncaughtHostErrorHasItsPlace() throws {
        #expect {
            _ = try run("let a = 1\nhost.power(\"restart\")")
        } throws: { error in
            guard let failure = error as? RuntimeError, let diagnostic = failure.diagnostic else { return false }
            return diagnostic.description.contains("seam.ptero:2:1") && failure.message == "no client key is configured"
        }
    }

    @Test func exitAndInterruptionStillUnwindTheRun() throws {
        #expect(throws: ExitRequest.self) { _ = try run("try { exit(3) } catch e { print(\"caught\") }") }
    }
}
