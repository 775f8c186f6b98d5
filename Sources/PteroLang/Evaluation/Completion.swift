/// What the REPL offers on Tab, computed from live values: after `x.` the
/// members of the value `x` holds now, elsewhere keywords and globals.
extension Interpreter {
    /// Candidates for the word that ends `linePrefix` (the line up to the cursor).
    public func completions(linePrefix: String) -> [String] {
        let characters = Array(linePrefix)
        var wordStart = characters.count
        while wordStart > 0, characters[wordStart - 1].isIdentifierCharacter { wordStart -= 1 }
        let word = String(characters[wordStart...])
        var candidates: [String]
        if wordStart > 0, characters[wordStart - 1] == "." {
            var chainStart = wordStart - 1
            while chainStart > 0, characters[chainStart - 1].isIdentifierCharacter || characters[chainStart - 1] == "." || characters[chainStart - 1] == "?" {
                chainStart -= 1
            }
            let chain = String(characters[chainStart..<(wordStart - 1)])
            guard let receiver = valueOfChain(chain) else { return [] }
            candidates = memberNames(of: receiver)
        } else {
            candidates = Array(TokenKind.keywords.keys) + globals.names.filter { globals[$0]?.isInitialized == true }
        }
        return Array(Set(candidates.filter { $0.hasPrefix(word) && !$0.hasPrefix("<") })).sorted()
    }

    /// The value of `a.b.c` when it can be read without side effects beyond a fetch.
    func valueOfChain(_ chain: String) -> Value? {
        let names = chain.split(separator: ".", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("?") ? String($0.dropLast()) : String($0) }
        guard let first = names.first, !first.isEmpty, let cell = globals[first], cell.isInitialized else { return nil }
        var value = cell.value
        for name in names.dropFirst() {
            guard !name.isEmpty, let next = try? member(value, name) else { return nil }
            value = next
        }
        return value
    }

    /// What `help` prints: every builtin, or one described.
    public func helpText(for name: String?) -> String {
        Builtins.helpText(for: name.map { .string($0) }, interpreter: self)
    }
}

extension Character {
    var isIdentifierCharacter: Bool { isLetter || isNumber || self == "_" }
}
