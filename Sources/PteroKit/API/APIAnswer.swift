/// What an endpoint answers, in the reference table's notation
/// (`Tests/Fixtures/pterodactyl-endpoints.tsv`): `list<server>+pagination`,
/// `user(201)+meta.resource`, `204`, `202:[]`, `raw:text/plain`.
public struct APIAnswer: Sendable, Equatable, ExpressibleByStringLiteral {
    /// As written in the table.
    public let notation: String

    public init(_ notation: String) { self.notation = notation }
    public init(stringLiteral notation: String) { self.notation = notation }

    /// The status of a successful answer: 200 unless the notation says otherwise.
    public var status: Int {
        if let number = Int(notation.prefix(3)), notation.count == 3 || notation.dropFirst(3).first == ":" { return number }
        if let open = notation.firstIndex(of: "("), let close = notation[open...].firstIndex(of: ")"),
           let number = Int(notation[notation.index(after: open)..<close]) { return number }
        return 200
    }

    /// Whether it is a list of objects (`list<...>`).
    public var isList: Bool { notation.hasPrefix("list<") }

    /// Whether the list is paginated.
    public var isPaginated: Bool { isList && notation.contains("+pagination") }

    /// Whether nothing comes back to read: a bare status (`204`, Pelican's plugin imports'
    /// `201`) or `202:[]`.
    public var isEmpty: Bool { (notation.count == 3 && Int(notation) != nil) || notation.hasSuffix(":[]") }

    /// The envelope `object` of the item or of the list's items; nil for
    /// empty and raw answers.
    public var object: String? {
        if isEmpty || notation.hasPrefix("raw:") { return nil }
        var text = Substring(notation)
        if text.hasPrefix("list<") {
            text = text.dropFirst(5)
            return text.firstIndex(of: ">").map { String(text[..<$0]) }
        }
        let end = text.firstIndex { $0 == "(" || $0 == "+" || $0 == " " } ?? text.endIndex
        return String(text[..<end])
    }
}
