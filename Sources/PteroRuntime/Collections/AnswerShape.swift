import PteroKit
import PteroLang

/// Checks a panel answer against the shape its endpoint promises before it
/// is used: an item endpoint that answers a list would otherwise turn
/// `servers[1].suspend()` into a bulk job over the whole list. The shapes
/// are Fractal's (panel: app/Extensions/Spatie/Fractalistic/Fractal.php):
/// an item is `{object, attributes}`, a list `{object: "list", data, meta}`.
enum AnswerShape {
    /// `{object: <object>, attributes: {...}}`; anything else is an error
    /// naming the endpoint and what came instead.
    static func item(_ answer: Value, object: String, endpoint: String) throws -> Value {
        guard case .map(let body) = answer, case .string(let found)? = body.value(forName: "object"), found == object,
              case .map? = body.value(forName: "attributes") else {
            throw RuntimeError("\(endpoint) answered \(describe(answer)) where one \(spoken(object)) was expected")
        }
        return answer
    }

    /// What an answer is, in a few words: "a list", "one node", "a list of 3 servers".
    static func describe(_ value: Value) -> String {
        switch value {
        case .list(let list): return "a JSON array of \(list.items.count)"
        case .map(let body):
            guard case .string(let object)? = body.value(forName: "object") else { return "an object without 'object'" }
            if object == "list" {
                guard case .list(let data)? = body.value(forName: "data") else { return "a list without a 'data' array" }
                let kinds = Set(data.items.compactMap { item -> String? in
                    if case .map(let entry) = item, case .string(let kind)? = entry.value(forName: "object") { return kind }
                    return nil
                })
                let kind = kinds.count == 1 ? " " + spoken(kinds.first!) + (data.items.count == 1 ? "" : "s") : ""
                return "a list of \(data.items.count)\(kind)"
            }
            guard case .map? = body.value(forName: "attributes") else { return "one \(spoken(object)) without attributes" }
            return "one \(spoken(object))"
        case .null: return "null"
        default: return value.describedType
        }
    }

    /// `server_database` as a message says it: "server database".
    static func spoken(_ object: String) -> String { object.replacingOccurrences(of: "_", with: " ") }
}
