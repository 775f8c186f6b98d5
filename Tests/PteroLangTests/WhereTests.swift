import Testing
@testable import PteroLang

/// A host object with fields, as a panel resource is.
private final class Row: HostValue {
    let fields: [String: Value]
    init(_ fields: [String: Value]) { self.fields = fields }
    var typeName: String { "Row" }
    func member(_ name: String, interpreter: Interpreter) throws -> Value? { fields[name] }
}

/// A host collection that records the conditions it is handed, as a panel
/// query does to send `filter[...]`.
private final class Rows: HostValue {
    let rows: [Row]
    let log: Log
    final class Log { var conditions: [ResolvedExpr] = [] }
    init(_ rows: [Row], log: Log) {
        self.rows = rows
        self.log = log
    }
    var typeName: String { "Rows" }

    func makeIterator(interpreter: Interpreter) throws -> (any HostIterator)? { Iterator(rows) }

    func filtered(by predicate: Predicate, interpreter: Interpreter) throws -> Value? {
        log.conditions.append(predicate.condition)
        return .host(Rows(try rows.filter { try predicate.test(.host($0)) }, log: log))
    }

    final class Iterator: HostIterator {
        var remaining: ArraySlice<Row>
        init(_ rows: [Row]) { remaining = rows[...] }
        func next() throws -> Value? { remaining.popFirst().map { .host($0) } }
    }
}

struct WhereTests {
    private let log = Rows.Log()

    /// Runs `text` with `rows` (three Rows, nodes 3, 1, 3) and `seen()`,
    /// which counts its calls and is true.
    private func run(_ text: String) -> (output: String, seen: Int) {
        LargeStack.run {
            var printed = ""
            var seen = 0
            let interpreter = Interpreter(output: { printed += $0 })
            let rows = [("a", 3), ("b", 1), ("c", 3)].map { Row(["name": .string($0.0), "node": .int($0.1)]) }
            interpreter.globals.defineConstant("rows", .host(Rows(rows, log: log)))
            interpreter.globals.defineConstant("seen", .native(NativeFunction("seen") { _, _ in
                seen += 1
                return .bool(true)
            }))
            do {
                try interpreter.run(Source(name: "t.ptero", text: text))
            } catch let diagnostics as Diagnostics {
                printed += diagnostics.all.map(\.message).joined(separator: "\n")
            } catch let failure as RuntimeError {
                printed += failure.message
            } catch {
                printed += "\(error)"
            }
            return (printed, seen)
        }
    }

    @Test func aHostFieldComparedWithAStringIsAnError() {
        #expect(run("print((rows where node == \"3\").count)").output
            == "comparing node (an int, 3) with \"3\" (a string) in a 'where' never matches: write int(x) or str(x)")
        #expect(run("for r in rows where node == \"3\" { print(r.name) }").output
            == "comparing node (an int, 3) with \"3\" (a string) in a 'where' never matches: write int(x) or str(x)")
    }

    @Test func aForWhereLoopHandsItsConditionToTheCollection() {
        let result = run("for r in rows where seen() and node == 3 { print(r.name) }")
        #expect(result.output == "a\nc\n")
        // Checked once per row, by the collection; the loop does not check again.
        #expect(result.seen == 3)
        #expect(log.conditions.count == 1)
        guard case .logical(.and, _, let right)? = log.conditions.first?.kind,
              case .binary(.equal, let field, _) = right.kind,
              case .field(let name, element: _, fallback: _) = field.kind else {
            Issue.record("the condition is not 'seen() and node == 3': \(String(describing: log.conditions.first?.kind))")
            return
        }
        #expect(name == "node")
    }

    @Test func theLoopVariableAndItNameTheElementInTheHandedCondition() {
        #expect(run("for r in rows where r.node == 1 or it.name == \"c\" { print(r.name) }").output == "b\nc\n")
        #expect(run("let found = []\nparallel for r in rows where r.node == 3 { found.push(r.name) }\nprint(found.sort())").output
            == "[\"a\", \"c\"]\n")
        #expect(log.conditions.count == 2)
    }

    @Test func aLoopWithAnIndexFiltersItself() {
        // The index counts every element, so the condition cannot be handed on.
        #expect(run("for i, r in rows where node == 3 { print(i, r.name) }").output == "0 a\n2 c\n")
        #expect(log.conditions.isEmpty)
    }
}
