import Testing
@testable import PteroLang

/// Inputs too big to write as golden scripts: each must end in a value or a
/// diagnostic, never a stack overflow.
struct HostileInputTests {
    /// Runs on the interpreter's large stack, as `ptero` does; the error's
    /// message, or what was printed.
    private func outcome(_ text: String) -> String {
        LargeStack.run {
            var printed = ""
            let interpreter = Interpreter(output: { printed += $0 })
            do {
                try interpreter.run(Source(name: "t.ptero", text: text))
                return printed
            } catch let diagnostics as Diagnostics {
                return diagnostics.all.map(\.message).joined(separator: "\n")
            } catch let failure as RuntimeError {
                return failure.message
            } catch {
                return "\(error)"
            }
        }
    }

    private func sum(_ terms: Int) -> String {
        Array(repeating: "1", count: terms).joined(separator: " + ")
    }

    @Test func aChainOfTenThousandOperatorsRunsAndOneMoreIsAnError() {
        #expect(outcome("let x = \(sum(Parser.maximumChain + 1))\nprint(x)") == "\(Parser.maximumChain + 1)\n")
        #expect(outcome("let x = \(sum(Parser.maximumChain + 2))\nprint(x)").hasPrefix(
            "expression too long (more than 10000 operators, calls or members in a row)"))
        #expect(outcome("print(\(sum(1_000_000)))").hasPrefix("expression too long"))
    }

    @Test func aChainOnTopOfAChainAddsUpButSideBySideChainsDoNot() {
        // ((1 + ... 6000) + 1 + ... 6000): the tree is 12,000 levels deep.
        #expect(outcome("let x = (\(sum(6_000))) + \(sum(6_000))\nprint(x)").hasPrefix("expression too long"))
        // (5000) + (5000) + (5000): three subtrees side by side, 5,002 deep.
        let inner = "(" + sum(5_000) + ")"
        #expect(outcome("let x = " + Array(repeating: inner, count: 3).joined(separator: " + ") + "\nprint(x)") == "15000\n")
        // Parentheses nested inside a chain's first operand add up too.
        let nested = String(repeating: "(", count: 150) + "1" + String(repeating: " + 1" + ")", count: 150)
        let tall = String(repeating: "(" + nested + " + " + sum(100) + ")", count: 1)
        #expect(outcome("let x = \(tall)\nprint(x)") == "251\n")
    }

    @Test func longMemberAndCallChainsAreErrorsToo() {
        #expect(outcome("let m = {}\nprint(m" + String(repeating: ".a", count: 20_000) + ")").hasPrefix("expression too long"))
        #expect(outcome("fn f() { return f }\nf" + String(repeating: "()", count: 20_000)).hasPrefix("expression too long"))
    }

    /// A list holding a list ... a million levels down, built without the
    /// interpreter so the test stays quick.
    private func deepList(_ levels: Int, innermost: Value = .null) -> ListObject {
        var list = ListObject([innermost])
        for _ in 0..<levels { list = ListObject([.list(list)]) }
        return list
    }

    @Test func aMillionLevelsOfNestedListsAndMapsAreFreedOnAnOrdinaryStack() {
        // Freed here, on the test's own thread: recursion a level a frame
        // would overflow its stack long before a million.
        var list: ListObject? = deepList(1_000_000)
        weak let freedList = list
        list = nil
        var map: MapObject? = MapObject([("x", .null)])
        for _ in 0..<1_000_000 { map = MapObject([("x", .map(map!)), ("y", .list(ListObject()))]) }
        weak let freedMap = map
        map = nil
        // Freed, not leaked (a release that gave up half-way would keep them).
        #expect(freedList == nil && freedMap == nil)
    }

    @Test func aMillionLevelsDeepCompareOnAnOrdinaryStack() {
        let left = deepList(1_000_000), right = deepList(1_000_000)
        #expect(Operators.equal(.list(left), .list(right)))
        #expect(!Operators.equal(.list(left), .list(deepList(1_000_000, innermost: .int(1)))))
        #expect(!Operators.equal(.list(left), .list(deepList(999_999))))
    }

    /// The value a script ends with, built on the large stack; the
    /// interpreter is gone when it returns, so the caller frees the value.
    private func built(_ text: String) -> Value? {
        LargeStack.run {
            let interpreter = Interpreter(output: { _ in })
            return try? interpreter.run(Source(name: "t.ptero", text: text), echo: true)
        }
    }

    @Test func aMillionClosuresEachCapturingTheOneBeforeAreFreedOnAnOrdinaryStack() {
        // Each closure's cell holds the one before: freeing the last freed
        // a million, a stack frame or three each (signal 11).
        var chain = built("let f = fn() => 0\nfor i in range(1000000) { let g = f; f = fn() => g() + 1 }\nf")
        guard case .closure? = chain else { Issue.record("no closure: \(String(describing: chain))"); return }
        chain = nil
        // Through lists and maps too, and through a closure's own loop cell.
        var mixed = built("let f = [fn() => 0]\nfor i in range(300000) { let g = f; f = [{call: fn() => g[0].call()}] }\nf")
        guard case .list? = mixed else { Issue.record("no list: \(String(describing: mixed))"); return }
        mixed = nil
        #expect(chain == nil && mixed == nil)
        #expect(outcome("let f = fn() => 0\nfor i in range(100000) { let g = f; f = fn() => g() + 1 }\nprint(f())")
            == "stack depth exceeded (more than 10000 nested calls)")
    }

    @Test func aRecursionThroughTryEndsWithTheDepthError() {
        let script = "fn again(n) { try { again(n + 1) } catch e { again(n + 1) } }\nagain(0)"
        #expect(outcome(script) == "stack depth exceeded (more than 10000 nested calls)")
    }

    @Test func aScriptBuildsComparesAndDropsDeepValues() {
        let script = """
            fn deep(n) {
                let a = [[]]
                let b = a
                for i in range(n) { b[0] = [[]]; b = b[0] }
                return a
            }
            let x = deep(100000)
            let y = deep(100000)
            print(x == y, x in [1, y])
            x = null
            print(y == deep(99999))
            """
        #expect(outcome(script) == "true true\nfalse\n")
    }
}

/// An interpreter is freed when its host lets go of it, functions and all:
/// hosts that make many (tests, the fuzzer, an embedding program) must not
/// keep every one's globals and 16 MB value stack.
struct InterpreterLifetimeTests {
    @Test func anInterpreterWithFunctionsAndLoopsIsFreedWhenLetGo() {
        weak var released: Interpreter?
        LargeStack.run {
            let interpreter = Interpreter(output: { _ in })
            released = interpreter
            let script = """
                fn fib(n) { if n < 2 { return n }; return fib(n - 1) + fib(n - 2) }
                let add = fn(x) => x + fib(5)
                let total = 0
                for i in range(3) { total += add(i) }
                while total > 100 { total -= 1 }
                let m = {list: [1, 2].map(fn(x) => x * 2), name: "x"}
                print("{total} {m.name} {m.list.sum()} {[3, 1].sort(by: fn(x) => x)}")
                try { error("boom") } catch e { print(e.message) }
                """
            _ = try? interpreter.run(Source(name: "t.ptero", text: script))
        }
        #expect(released == nil)
    }
}
