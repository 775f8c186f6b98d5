import Foundation
import PteroKit
import PteroLang

/// The same action on every element of a query: one task per element on
/// the shared executor, which keeps the pace under the panel's limit.
/// A failure never stops the job; the report lists each one.
struct BulkJob {
    let action: ResourceAction
    let session: PanelSession
    /// What the elements are, for the confirmation question: `servers`.
    let label: String
    /// Jobs larger than this ask for confirmation even for harmless actions.
    static let confirmationThreshold = 10

    func run(on elements: [Value], arguments: inout Arguments) throws -> Value {
        var requests: [(item: Value, request: PanelRequest)] = []
        for element in elements {
            guard case .host(let resource as Resource) = element else {
                throw RuntimeError("\(action.name)() on a collection needs panel objects, found \(element.describedType)")
            }
            requests.append((element, try action.request(resource, &arguments)))
        }
        if action.isDestructive || requests.count > Self.confirmationThreshold {
            try session.confirm("\(action.name) \(requests.count) \(label)")
        }
        let client = session.client, gate = session.gate
        let plain = requests.map(\.request)
        let outcomes: [String?] = try session.wait {
            await withTaskGroup(of: (Int, String?).self) { group in
                for (index, request) in plain.enumerated() {
                    group.addTask {
                        do {
                            _ = try await gate.submit(request) { try await client.send($0) }
                            return (index, nil)
                        } catch let error as PanelError {
                            return (index, error.description)
                        } catch {
                            return (index, "\(error)")
                        }
                    }
                }
                var results = [String?](repeating: nil, count: plain.count)
                for await (index, failure) in group { results[index] = failure }
                return results
            }
        }
        let report = BulkReport(action: action.name)
        for (entry, failure) in zip(requests, outcomes) {
            if let failure { report.failed.append((entry.item, failure)) } else { report.succeeded.append(entry.item) }
        }
        return .host(report)
    }
}
