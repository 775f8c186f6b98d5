import Foundation

/// The libFuzzer entry point: every input is a ptero program. Built by
/// `scripts/fuzz/lang` together with PteroLang's sources as one module, so it
/// reaches the phases directly.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    if FuzzLanguage.json {
        LargeStack.run { FuzzLanguage.checkJSON(bytes) }
    } else if FuzzLanguage.csv {
        LargeStack.run { FuzzLanguage.checkCSV(String(decoding: bytes, as: UTF8.self)) }
    } else {
        LargeStack.run { FuzzLanguage.check(String(decoding: bytes, as: UTF8.self)) }
    }
    return 0
}

/// What must hold for any input, however broken: the front end answers with
/// diagnostics that render, and (with `PTERO_FUZZ_RUN=1`) running it ends in
/// a value or an error that names its place; never a crash or a hang.
enum FuzzLanguage {
    static let runs = ProcessInfo.processInfo.environment["PTERO_FUZZ_RUN"] == "1"
    /// Inputs are JSON texts instead: what `parse_json` reads, `json` must
    /// write back, and reading that again must give an equal value.
    static let json = ProcessInfo.processInfo.environment["PTERO_FUZZ_JSON"] == "1"
    /// Inputs are CSV texts (a spreadsheet a migration reads): the same round trip
    /// through `parse_csv` and `csv`.
    static let csv = ProcessInfo.processInfo.environment["PTERO_FUZZ_CSV"] == "1"
    /// Long enough for a real program, short enough that a loop that never
    /// ends costs the fuzzer little: the interruption stops it as Ctrl-C would.
    static let runLimit: TimeInterval = 0.2

    /// Checks leave no globals behind, so one interpreter serves them all
    /// (making one per input costs more than most checks).
    nonisolated(unsafe) static let checker = Interpreter(output: { _ in })

    static func check(_ text: String) {
        let source = Source(name: "<fuzz>", text: text)
        let diagnostics = checker.check(source)
        for diagnostic in diagnostics { _ = diagnostic.description }
        guard runs, diagnostics.isEmpty else { return }
        let interpreter = Interpreter(output: { _ in })
        Watchdog.shared.watch(interpreter.interruption, for: runLimit)
        defer { Watchdog.shared.stop() }
        do {
            try interpreter.run(source)
        } catch let failure as RuntimeError {
            guard let diagnostic = failure.diagnostic else {
                fatalError("a runtime error without a place: \(failure.message)")
            }
            _ = diagnostic.description
        } catch let diagnostics as Diagnostics {
            _ = diagnostics.description
        } catch is Interrupted {
        } catch is ExitRequest {
        } catch {
            fatalError("an error that is not a diagnostic: \(error)")
        }
    }
}

extension FuzzLanguage {
    static func checkJSON(_ bytes: [UInt8]) {
        guard let value = try? JSON.decode(utf8: bytes) else { return }
        let text: String
        do {
            text = try JSON.encode(value, indent: 0, interpreter: checker)
        } catch {
            // JSON has no infinity: 1e400 reads as one and cannot be written.
            if holdsInfinity(value) { return }
            fatalError("parse_json read what json() cannot write: \(error)")
        }
        guard let again = try? JSON.decode(text) else { fatalError("json() wrote what parse_json cannot read: \(text)") }
        guard Operators.equal(value, again) else { fatalError("a round trip changed the value: \(text)") }
    }

    static func checkCSV(_ text: String) {
        guard let parse = checker.globals["parse_csv"]?.value, let write = checker.globals["csv"]?.value else {
            fatalError("no parse_csv or csv builtin")
        }
        guard let rows = try? checker.call(parse, [.string(text)]) else { return }
        let written: Value
        do {
            written = try checker.call(write, [rows])
        } catch {
            fatalError("csv() cannot write what parse_csv read: \(error)")
        }
        guard let again = try? checker.call(parse, [written]) else { fatalError("parse_csv cannot read what csv() wrote: \(written)") }
        guard Operators.equal(rows, again) else {
            fatalError("a round trip changed the rows: \(rows.literalText) became \(again.literalText)")
        }
    }

    static func holdsInfinity(_ value: Value) -> Bool {
        switch value {
        case .double(let number): return !number.isFinite
        case .list(let list): return list.items.contains(where: holdsInfinity)
        case .map(let map): return map.values.contains(where: holdsInfinity)
        default: return false
        }
    }
}

/// Raises the running program's interruption flag once its time is up: one
/// thread for the whole run, since a thread per input would pile up sleepers.
final class Watchdog: @unchecked Sendable {
    static let shared = Watchdog()
    private let lock = NSLock()
    private var flag: InterruptFlag?
    private var deadline = Date.distantFuture

    private init() {
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.01)
                lock.lock()
                if let flag, Date() >= deadline { flag.raise() }
                lock.unlock()
            }
        }
    }

    func watch(_ flag: InterruptFlag, for seconds: TimeInterval) {
        lock.lock()
        self.flag = flag
        deadline = Date().addingTimeInterval(seconds)
        lock.unlock()
    }

    func stop() {
        lock.lock()
        flag = nil
        lock.unlock()
    }
}
