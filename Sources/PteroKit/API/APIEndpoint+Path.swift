import Foundation

/// Filling a row's route (`/api/application/servers/{server}/build`) with
/// the values of one call.
extension APIEndpoint {
    /// The names in braces, in the order the route has them:
    /// `["server", "database"]` for `/servers/{server}/databases/{database}`.
    public var placeholders: [String] {
        var names = [String]()
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The route with each placeholder replaced by its value, escaped as
    /// one path segment (a `/` or `?` in an external id cannot change which
    /// endpoint is called). A placeholder without a value throws
    /// `MissingPathValue`; values the route does not name are ignored.
    public func path(filling values: [String: String]) throws -> String {
        var filled = ""
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = values[name] else { throw MissingPathValue(endpoint: id, placeholder: name) }
            filled += rest[..<open] + pathSegment(value)
            rest = rest[rest.index(after: close)...]
        }
        return filled + rest
    }

    /// The route filled with `values` in the order of its placeholders
    /// (`servers.view` with `[12]`); too few values throws `MissingPathValue`,
    /// too many `ExtraPathValues`.
    public func path(filling values: [String]) throws -> String {
        let names = placeholders
        guard values.count <= names.count else {
            throw ExtraPathValues(endpoint: id, expected: names.count, given: values.count)
        }
        return try path(filling: Dictionary(zip(names, values), uniquingKeysWith: { first, _ in first }))
    }
}

/// A route placeholder a call gave no value for: a bug in the caller,
/// named so it can be found.
public struct MissingPathValue: Error, Equatable, CustomStringConvertible {
    public let endpoint: String
    public let placeholder: String

    public var description: String { "\(endpoint) needs a value for {\(placeholder)} in its path" }
}

/// More values than a route has placeholders.
public struct ExtraPathValues: Error, Equatable, CustomStringConvertible {
    public let endpoint: String
    public let expected: Int
    public let given: Int

    public var description: String { "\(endpoint) has \(expected) placeholder(s) in its path, \(given) value(s) were given" }
}

/// Escapes one path segment so that `/`, `?`, `#` and `%` in a value stay
/// inside it.
func pathSegment(_ value: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "/?#%")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}
