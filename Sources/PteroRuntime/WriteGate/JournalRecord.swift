import Foundation
import PteroLang

/// One line of a journal: what the script asked the world outside at one
/// position, or what came back.
///
/// A line is a JSON object, then for a record that carries the panel's
/// answer a tab and the answer's bytes as the panel sent them (JSON text
/// needs no escaping there, so a page of 50 servers costs what the panel
/// sent, not a third more). An answer with a line break in it (a file's
/// text) is stored in base64, since a line break ends the record.
struct JournalRecord: Codable, Equatable, Sendable {
    enum Kind: String, Codable, Sendable {
        /// The first line: which script, with which arguments.
        case script
        /// A GET and the panel's answer.
        case read
        /// A write about to be sent; flushed before the request leaves.
        case intent
        /// The panel's answer to the write of the intent at the same position.
        case outcome
        /// The write at this position got no answer (a timeout, a dropped
        /// connection, a 5xx): the panel may or may not have done it.
        case unanswered
        /// A resumed run found the write's effect on the panel: done, not sent again.
        case found
        /// The answer of a builtin the script does not fix (`now()`, `env()`).
        case answer
        /// What the person at the terminal answered a confirmation.
        case confirm
        /// `ptero journal --accept`: the write in flight counts as done.
        case accept
        /// `ptero journal --retry`: the write in flight is sent again.
        case retry
        /// The script ran to its end.
        case end
    }

    var kind: Kind
    /// The interaction's position (`3.12.1`), see `InteractionPosition`.
    var at: String?
    /// `METHOD /path?query` of a read or a write.
    var request: String?
    /// The write's body as sent, passwords masked.
    var sent: String?
    var status: Int?
    /// Why a write got no answer, or what a note says.
    var reason: String?
    /// The builtin or the confirmation asked (`now()`).
    var question: String?
    var value: RecordedValue?
    var yes: Bool?
    /// The script's path, the hash of its source and its arguments (`script`).
    var script: String?
    var source: String?
    var arguments: [String]?
    /// The journal format, in the `script` record.
    var format: Int?
    /// "base64" when the answer after the tab is encoded.
    var encoding: String?

    init(_ kind: Kind, at position: InteractionPosition? = nil) {
        self.kind = kind
        at = position?.description
    }

    var position: InteractionPosition? { at.flatMap { InteractionPosition(parsing: $0) } }

    /// The format this build writes and reads.
    static let currentFormat = 2

    /// The line for this record, with `body` after the tab when given.
    func line(body: Data?) throws -> [UInt8] {
        var record = self
        var tail: [UInt8] = []
        if let body {
            if body.contains(10) || body.contains(13) {
                record.encoding = "base64"
                tail = Array(body.base64EncodedString().utf8)
            } else {
                tail = Array(body)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        var bytes = Array(try encoder.encode(record))
        if body != nil {
            bytes.append(9)
            bytes += tail
        }
        bytes.append(10)
        return bytes
    }

    /// Reads a line (without its newline) back: the record and the body
    /// after its tab; nil when the line is not a record.
    static func parse(_ line: ArraySlice<UInt8>) -> (record: JournalRecord, body: Data?)? {
        let tab = line.firstIndex(of: 9)
        let head = line[..<(tab ?? line.endIndex)]
        guard head.first == UInt8(ascii: "{"), let record = try? JSONDecoder().decode(JournalRecord.self, from: Data(head)) else { return nil }
        guard let tab else { return (record, nil) }
        let rest = Data(line[(tab + 1)...])
        if record.encoding == "base64" {
            guard let decoded = Data(base64Encoded: rest) else { return nil }
            return (record, decoded)
        }
        guard record.encoding == nil else { return nil }
        return (record, rest)
    }
}

/// A builtin's answer as the journal keeps it: exact (a double as its
/// shortest text that reads back to the same number).
struct RecordedValue: Codable, Equatable, Sendable {
    var type: String
    var text: String?

    init?(_ value: Value) {
        switch value {
        case .null: type = "null"
        case .bool(let flag): type = "bool"; text = flag ? "true" : "false"
        case .int(let number): type = "int"; text = String(number)
        case .double(let number): type = "double"; text = "\(number)"
        case .string(let string): type = "string"; text = string
        default: return nil
        }
    }

    var value: Value? {
        switch type {
        case "null": .null
        case "bool": text == "true" ? .bool(true) : text == "false" ? .bool(false) : nil
        case "int": text.flatMap { Int($0) }.map(Value.int)
        case "double": text.flatMap { Double($0) }.map(Value.double)
        case "string": text.map(Value.string)
        default: nil
        }
    }
}
