/// The globals of one interpreter: builtins, host values and top-level
/// declarations, shared by every chunk the REPL or a script runs.
public final class GlobalTable {
    private(set) var cells: [String: GlobalCell] = [:]

    public init() {}

    public subscript(name: String) -> GlobalCell? { cells[name] }

    public var names: [String] { Array(cells.keys) }

    /// Adds or replaces a constant (a builtin or a host value).
    public func defineConstant(_ name: String, _ value: Value) {
        cells[name] = GlobalCell(name: name, value: value, isInitialized: true, isConstant: true)
    }

    func declare(_ name: String) -> GlobalCell {
        if let cell = cells[name] { return cell }
        let cell = GlobalCell(name: name, value: .null, isInitialized: false, isConstant: false)
        cells[name] = cell
        return cell
    }

    func remove(_ name: String) { cells[name] = nil }
}
