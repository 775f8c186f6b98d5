import PteroKit
import PteroLang

/// A list answer read once and checked: `{object: "list", data: [...]}`
/// whose items are all of the collection's kind, and the numbers of its
/// `meta.pagination` (none, for the panel's unpaginated lists).
struct PageEnvelope {
    let items: [Value]
    let pagination: Pagination?

    /// `endpoint` names the request in messages (`GET /api/application/servers`);
    /// `object` is what every item must be (`server`).
    init(_ envelope: Value, endpoint: String, object: String) throws {
        let expected = "a list of \(AnswerShape.spoken(object))s"
        guard case .map(let body) = envelope, case .string("list")? = body.value(forName: "object"),
              case .list(let data)? = body.value(forName: "data") else {
            throw RuntimeError("\(endpoint) answered \(AnswerShape.describe(envelope)) where \(expected) was expected")
        }
        for item in data.items {
            guard case .map(let entry) = item, case .string(object)? = entry.value(forName: "object"),
                  case .map? = entry.value(forName: "attributes") else {
                throw RuntimeError("\(endpoint) answered a list holding \(AnswerShape.describe(item)) where \(expected) was expected")
            }
        }
        items = data.items
        guard let meta = body.value(forName: "meta"), !meta.isNull else {
            pagination = nil
            return
        }
        guard case .map(let metaMap) = meta else {
            throw RuntimeError("\(endpoint) answered a list whose meta is \(meta.describedType), not an object")
        }
        guard let found = metaMap.value(forName: "pagination") else {
            pagination = nil
            return
        }
        guard case .map(let numbers) = found else {
            throw RuntimeError("\(endpoint) answered a list whose meta.pagination is \(found.describedType), not an object")
        }
        func whole(_ name: String) throws -> Int {
            guard case .int(let number)? = numbers.value(forName: name) else {
                let got = numbers.value(forName: name).map { $0.literalText } ?? "nothing"
                throw RuntimeError("\(endpoint) answered a list whose meta.pagination.\(name) is \(got), not a whole number")
            }
            return number
        }
        pagination = Pagination(total: try whole("total"), count: try whole("count"), perPage: try whole("per_page"),
                                currentPage: try whole("current_page"), totalPages: try whole("total_pages"))
    }
}
