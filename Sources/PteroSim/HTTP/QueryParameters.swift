import Foundation

/// The decoded query string in its original order, with PHP's bracket conventions
/// (`filter[name]=`, `include[]=`) because the panel's clients send both forms.
struct QueryParameters: Sendable {
    let pairs: [(String, String)]
    let raw: String

    init(_ query: String) {
        raw = query
        pairs = PHPQueryString.pairs(query)
    }

    subscript(name: String) -> String? { pairs.last(where: { $0.0 == name })?.1 }

    func has(_ name: String) -> Bool { pairs.contains { $0.0 == name } }

    /// Values of `name[]=…` and `name=a,b`, both accepted as lists.
    func list(_ name: String) -> [String] {
        var values: [String] = []
        for (key, value) in pairs where key == name || key == name + "[]" || key.hasPrefix(name + "[") {
            values.append(contentsOf: value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return values.filter { !$0.isEmpty }
    }

    /// Values of `prefix[key]=value` in order, e.g. every `filter[...]`.
    func bracketed(_ prefix: String) -> [(String, String)] {
        PHPQueryString.bracketed(pairs, prefix: prefix)
    }

    /// The same query with `page` replaced, for links that keep the caller's parameters.
    func replacingPage(_ page: Int) -> String {
        var parts = raw.split(separator: "&").filter { !$0.hasPrefix("page=") }.map(String.init)
        parts.append("page=\(page)")
        return parts.joined(separator: "&")
    }

    static func decode<S: StringProtocol>(_ text: S) -> String { PHPQueryString.decode(text) }
}

extension QueryParameters {
    /// The same parameters without `name` (for filters handled outside the query builder).
    func removing(_ name: String) -> QueryParameters {
        QueryParameters(raw.split(separator: "&").filter { part in
            let key = PHPQueryString.canonicalName(QueryParameters.decode(part.split(separator: "=", maxSplits: 1).first ?? ""))
            return key != name
        }.joined(separator: "&"))
    }
}

extension QueryParameters {
    /// Percent-encodes a query value (RFC 3986 unreserved characters kept).
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}
