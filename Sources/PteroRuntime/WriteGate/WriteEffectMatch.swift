import Foundation
import PteroKit
import PteroLang

/// What one field the write sends looks like on the panel now.
enum FieldMatch: Sendable {
    /// The panel shows the value the write sends.
    case same
    /// The panel shows another value: the write is not done.
    case differs
    /// The panel does not show the field: it cannot tell.
    case unseen
}

/// The fields of one write, judged one by one: one that differs means not
/// done; else one unseen means unknown; else done.
struct FieldTally {
    private(set) var differs = false
    private(set) var unseen = false

    mutating func add(_ match: FieldMatch) {
        switch match {
        case .same: break
        case .differs: differs = true
        case .unseen: unseen = true
        }
    }

    var match: FieldMatch { differs ? .differs : unseen ? .unseen : .same }

    func verdict(answer: @autoclosure () -> Data?) -> WriteEffect.Verdict {
        switch match {
        case .differs: .notDone
        case .unseen: .unknown
        case .same: .done(answer: answer())
        }
    }
}

/// Comparing what a write sends with what the panel shows, in the panel's
/// representation: a number may come back as a numeric string (a
/// server's `threads`, an egg variable's value, which the panel keeps as
/// text: app/Models/ServerVariable.php), a flag as 0/1 (tinyint columns).
enum EffectCompare {
    static func match(_ sent: Value, _ shown: Value?, emptyIsNull: Bool = false) -> FieldMatch {
        guard let shown else { return .unseen }
        if case .map(let sentMap) = sent {
            guard case .map(let shownMap) = shown else { return .differs }
            var tally = FieldTally()
            for (key, value) in sentMap.entries {
                guard case .string(let name) = key else { return .unseen }
                tally.add(match(value, shownMap.value(forName: name), emptyIsNull: emptyIsNull))
            }
            return tally.match
        }
        if case .list(let sentList) = sent {
            guard case .list(let shownList) = shown else { return .differs }
            guard sentList.items.count == shownList.items.count else { return .differs }
            var tally = FieldTally()
            for (item, other) in zip(sentList.items, shownList.items) { tally.add(match(item, other, emptyIsNull: emptyIsNull)) }
            return tally.match
        }
        return sameScalar(sent, shown, emptyIsNull: emptyIsNull) ? .same : .differs
    }

    /// Equal as the panel stores them: numbers by value (4096 == "4096"),
    /// flags as 0/1, text exactly; null and "" alike where the panel
    /// stores a missing value as "" (`emptyIsNull`).
    static func sameScalar(_ sent: Value, _ shown: Value, emptyIsNull: Bool = false) -> Bool {
        if emptyIsNull, isNullOrEmpty(sent), isNullOrEmpty(shown) { return true }
        switch (sent, shown) {
        case (.null, .null): return true
        case (.string(let mine), .string(let theirs)): return mine == theirs
        default:
            guard let mine = number(sent), let theirs = number(shown) else { return false }
            return mine == theirs
        }
    }

    static func isNullOrEmpty(_ value: Value) -> Bool {
        switch value {
        case .null: true
        case .string(let text): text.isEmpty
        default: false
        }
    }

    /// A value as a number, if the panel could store it as one.
    static func number(_ value: Value) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .double(let number): number
        case .bool(let flag): flag ? 1 : 0
        case .string(let text):
            // Only plain decimal digits: "1e3" or " 12" are text the panel would not turn into a number.
            !text.isEmpty && text.utf8.allSatisfy({ (48...57).contains($0) || $0 == 45 || $0 == 46 }) ? Double(text) : nil
        default: nil
        }
    }

    /// Text, case and all, or nil when the value is not text.
    static func text(_ value: Value?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    /// The value at a dotted path in a map: `limits.memory`.
    static func value(at path: [String], in map: MapObject) -> Value? {
        var current: Value = .map(map)
        for name in path {
            guard case .map(let inner) = current, let next = inner.value(forName: name) else { return nil }
            current = next
        }
        return current
    }
}

/// A probe's answer, taken apart: one object's envelope or a page of them.
enum ProbeAnswer {
    /// The answer's JSON, or nil when it is not JSON.
    static func json(_ response: PanelResponse) -> Value? {
        guard !response.body.isEmpty else { return nil }
        return try? Value.parsingJSON(utf8: response.body)
    }

    /// A 200 answer `{"object": ..., "attributes": {...}}`: the envelope and its attributes.
    static func item(_ response: PanelResponse) -> (envelope: MapObject, attributes: MapObject)? {
        guard response.status == 200, case .map(let envelope)? = json(response) else { return nil }
        return item(envelope)
    }

    static func item(_ envelope: MapObject) -> (envelope: MapObject, attributes: MapObject)? {
        guard case .map(let attributes)? = envelope.value(forName: "attributes") else { return nil }
        return (envelope, attributes)
    }

    /// A 200 list `{"object": "list", "data": [...]}`: its items, and
    /// whether they are all there is (one page, or no pagination at all).
    static func list(_ response: PanelResponse) -> (items: [(envelope: MapObject, attributes: MapObject)], complete: Bool)? {
        guard response.status == 200, case .map(let envelope)? = json(response) else { return nil }
        return list(envelope)
    }

    static func list(_ envelope: MapObject) -> (items: [(envelope: MapObject, attributes: MapObject)], complete: Bool)? {
        guard case .list(let data)? = envelope.value(forName: "data") else { return nil }
        var items: [(envelope: MapObject, attributes: MapObject)] = []
        for element in data.items {
            guard case .map(let item) = element, let parts = self.item(item) else { return nil }
            items.append(parts)
        }
        guard let pagination = EffectCompare.value(at: ["meta", "pagination"], in: envelope) else {
            return (items, true)
        }
        // Range-checked: a total or page count that is not a small whole number says nothing.
        guard case .map(let numbers) = pagination, case .int(let pages)? = numbers.value(forName: "total_pages"),
              (0...1_000_000).contains(pages), case .int(let total)? = numbers.value(forName: "total"),
              (0...1_000_000_000).contains(total) else {
            return (items, false)
        }
        return (items, pages <= 1 && total <= items.count)
    }

    /// The object as its write would have answered it: the envelope as
    /// JSON, without included relationships the write does not answer with.
    static func answer(_ envelope: MapObject, dropping relationships: Bool = false) -> Data? {
        let copy = envelope.copy()
        if relationships, case .map(let attributes)? = copy.value(forName: "attributes") {
            let trimmed = attributes.copy()
            _ = trimmed.remove(.string("relationships"))
            copy[.string("attributes")] = .map(trimmed)
        }
        return try? JSONBody.encode(.map(copy))
    }
}

/// A write's request, taken apart for judging.
struct WrittenRequest: Sendable {
    let request: PanelRequest
    /// The path after `/api/application` or `/api/client`, split at `/`.
    let segments: [String]

    init?(_ request: PanelRequest) {
        self.request = request
        let prefix = request.api == .application ? "/api/application" : "/api/client"
        guard request.path.hasPrefix(prefix) else { return nil }
        segments = request.path.dropFirst(prefix.count).split(separator: "/").map(String.init)
    }

    /// The JSON body as a map; nil when there is none or it is not a map.
    var body: MapObject? { Self.body(of: request) }

    static func body(of request: PanelRequest) -> MapObject? {
        guard case .json(let data)? = request.body else { return nil }
        return map(json: data)
    }

    /// JSON text as a map; nil when it is not one.
    static func map(json data: Data) -> MapObject? {
        guard case .map(let map)? = try? Value.parsingJSON(utf8: data) else { return nil }
        return map
    }

    /// A segment that is a whole number (an id in a path).
    func id(at index: Int) -> Int? {
        guard segments.indices.contains(index), let id = Int(segments[index]), id >= 0 else { return nil }
        return id
    }

    func query(_ name: String) -> String? { request.query.first { $0.name == name }?.value }
}

/// A value the write sends, kept as JSON so a judge that runs later (on
/// another thread) can hold it: language values are not Sendable.
struct SentJSON: Sendable {
    let data: Data

    init?(_ value: Value?) {
        guard let value, let data = try? JSONBody.encode(value) else { return nil }
        self.data = data
    }

    var value: Value { (try? Value.parsingJSON(utf8: data)) ?? .null }
}
