/// What compiled code runs against: the slots of the current call on the
/// interpreter's value stack, and the closure whose captures it may read.
/// Both are unowned: the caller keeps them alive for the whole call.
struct Frame {
    let slots: UnsafeMutablePointer<Value>
    unowned(unsafe) let closure: Closure?

    @inline(__always)
    func capture(_ index: Int) -> Box { closure!.captures[index] }

    /// Where `return` leaves its value: the stack slot below the frame's own.
    @inline(__always)
    var returnSlot: UnsafeMutablePointer<Value> { slots - 1 }
}

/// How a statement ended: normally, or by `break`, `continue` or `return`
/// (whose value waits in `Frame.returnSlot`). Returned, not thrown,
/// so control flow costs no allocation.
enum Flow {
    case next, breakLoop, continueLoop, returned
}

/// Where a map access site last found its key (see `MapObject.value(forName:cachedPosition:)`).
final class PositionCache {
    /// Unchecked exclusivity: see `Interpreter.stackTop`.
    @exclusivity(unchecked) var position = 0
}

typealias ExprCode = (Frame) throws -> Value
typealias StmtCode = (Frame) throws -> Flow

/// An `ExprCode` that arrays can hold as it is. An array (or a tuple in one)
/// stores a bare closure in its most general form, so every call through it
/// goes through two reabstraction thunks; a struct field keeps its own form.
struct ExpressionCode {
    let run: ExprCode
}

/// A `StmtCode` that arrays can hold without thunks (see `ExpressionCode`).
struct StatementCode {
    let run: StmtCode
}

/// A function compiled on its first call.
final class CompiledFunction {
    let body: StmtCode
    let defaults: [ExpressionCode?]
    /// Parameters captured by inner functions start life in a cell.
    let capturedParameters: [Int]
    init(body: @escaping StmtCode, defaults: [ExpressionCode?], capturedParameters: [Int]) {
        self.body = body
        self.defaults = defaults
        self.capturedParameters = capturedParameters
    }
}
