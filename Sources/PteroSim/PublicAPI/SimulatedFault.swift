/// One way a request fails under `--fault-rate`, as `--faults` names it.
/// The first four come before the panel sees the request; the last two
/// after the panel did it, so a client that resends them does them twice.
public enum SimulatedFault: String, Sendable, CaseIterable {
    /// The panel's own 500.
    case serverError = "500"
    /// A proxy that could not reach the panel.
    case badGateway = "502"
    /// Maintenance mode, or a proxy with no upstream.
    case unavailable = "503"
    /// The connection drops before the request is read.
    case droppedBefore = "drop-before"
    /// The panel does the request, then the connection drops before its answer.
    case droppedAfter = "drop-after"
    /// The panel does the request, but a gateway gave up waiting and answers 504.
    case gatewayTimeoutAfter = "504-after"

    /// `--faults` as given: names separated by commas, or `all`.
    public static func parse(_ list: String) throws(SimulatedFaultError) -> [SimulatedFault] {
        if list == "all" { return allCases }
        var faults: [SimulatedFault] = []
        for name in list.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let fault = SimulatedFault(rawValue: trimmed) else { throw SimulatedFaultError(name: trimmed) }
            if !faults.contains(fault) { faults.append(fault) }
        }
        return faults
    }
}

/// A `--faults` name the sim does not know.
public struct SimulatedFaultError: Error, Sendable, CustomStringConvertible {
    public let name: String
    public var description: String {
        "unknown fault \"\(name)\": use all, or some of " + SimulatedFault.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
