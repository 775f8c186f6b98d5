import Foundation

/// The panel software a profile talks to; each has its own `APITable`.
public enum PanelDialect: String, Sendable, CaseIterable {
    /// Pterodactyl 0.7 (its last release, 0.7.19, in 2020).
    case pterodactyl07 = "pterodactyl-0.7"
    /// Pterodactyl 1.0 to 1.11.
    case pterodactyl1 = "pterodactyl-1"
    /// Pelican, the fork of Pterodactyl 1.x (2024 on), without locations and nests.
    case pelican = "pelican"

    /// The dialect's endpoints.
    public var table: APITable {
        switch self {
        case .pterodactyl07: .pterodactyl07
        case .pterodactyl1: .pterodactyl1
        case .pelican: .pelican
        }
    }

    /// As messages name it: "Pterodactyl 0.7".
    public var displayName: String {
        switch self {
        case .pterodactyl07: "Pterodactyl 0.7"
        case .pterodactyl1: "Pterodactyl 1.x"
        case .pelican: "Pelican"
        }
    }

    /// The dialect a profile's `panel =`, `PTERO_PANEL` or `--panel` names:
    /// its own name, or the name of one release it covers
    /// (`pterodactyl-1.11`, as `ptero sim --panel` calls the 1.x it simulates).
    public static func named(_ text: String) -> PanelDialect? {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let dialect = PanelDialect(rawValue: name) { return dialect }
        if name == "pterodactyl-0.7.19" { return .pterodactyl07 }
        if name.hasPrefix("pterodactyl-1."), let minor = Int(name.dropFirst("pterodactyl-1.".count).prefix { $0 != "." }),
           (0...11).contains(minor) {
            return .pterodactyl1
        }
        return nil
    }

    /// For errors that list what may be named.
    public static var namesList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Every endpoint of one panel dialect: the one description of its API
/// that the typed client, the runtime, `help`, completion and the tests
/// read (README, "One description of the panel").
public struct APITable: Sendable {
    public let dialect: PanelDialect
    /// In the order of the panel's route files.
    public let endpoints: [APIEndpoint]

    public init(dialect: PanelDialect, endpoints: [APIEndpoint]) {
        self.dialect = dialect
        self.endpoints = endpoints
    }

    /// The row named `id` (`servers.update_build`).
    public func endpoint(_ id: String) -> APIEndpoint? {
        endpoints.first { $0.id == id }
    }

    /// The rows the language offers as the method `name` of objects of `kind`.
    public func methods(_ name: String, of kind: String) -> [APIEndpoint] {
        endpoints.filter {
            if case .method(let owner, let method, _)? = $0.offer { return owner == kind && method == name }
            return false
        }
    }

    /// The method names the language offers on objects of `kind`, in table order.
    public func methodNames(of kind: String) -> [String] {
        var names = [String]()
        for endpoint in endpoints {
            if case .method(let owner, let method, _)? = endpoint.offer, owner == kind, !names.contains(method) { names.append(method) }
        }
        return names
    }

    /// The list rows offered as the collection `name` (one a side at most).
    public func collections(_ name: String) -> [APIEndpoint] {
        endpoints.filter { $0.offer == .collection(name) }
    }

    /// The row that creates items of the collection `name` on `api`, if any.
    public func creation(_ name: String, api: PanelAPI) -> APIEndpoint? {
        endpoints.first { $0.offer == .create(name) && $0.api == api }
    }

    /// Every body field of the table named `name` (the same name may mean
    /// the same thing in several bodies: `memory` is MiB everywhere).
    public func fields(named name: String) -> [BodyField] {
        endpoints.compactMap { $0.field(name) }
    }
}
