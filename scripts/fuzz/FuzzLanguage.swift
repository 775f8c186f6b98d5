import Foundation

/// The libFuzzer entry point: every input is a ptero program. Built by
/// `scripts/fuzz/lang` together with PteroLang's sources as one module, so it
/// reaches the phases directly.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    LargeStack.run { FuzzLanguage.check(text) }
    return 0
}

/// What must hold for any input, however broken: the front end answers with
/// diagnostics that render, and (with `PTERO_FUZZ_RUN=1`) running it ends in
/// a value or an error that names its place; never a crash or a hang.
enum FuzzLanguage {
    static let runs = ProcessInfo.processInfo.environment["PTERO_FUZZ_RUN"] == "1"
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
