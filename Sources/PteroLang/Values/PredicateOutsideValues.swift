/// What the names of a `where` condition hold besides the element, for a
/// host that sends part of the condition elsewhere: a panel query asked for
/// `servers where node == wanted` needs the number `wanted` holds now.
extension Predicate {
    /// The value of a global or of a variable the condition captured, read
    /// now; nil for the element itself, a global not yet declared, or a
    /// condition that is not a ptero function.
    public func outsideValue(of reference: VariableReference) -> Value? {
        switch reference {
        case .global(let cell):
            return cell.isInitialized ? cell.value : nil
        case .capture(let index):
            guard case .closure(let closure) = function, closure.captures.indices.contains(index) else { return nil }
            return closure.captures[index].value
        case .local(let binding):
            _ = binding
            return nil
        }
    }

    /// Whether `reference` names the element the condition is asked about
    /// (`it`, or the loop's variable in `for s in Q where s.node == 3`).
    public func isElement(_ reference: VariableReference) -> Bool {
        guard case .local(let binding) = reference, case .closure(let closure) = function,
              let element = closure.prototype.parameters.first else { return false }
        return binding === element
    }
}
