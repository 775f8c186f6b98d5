import PteroLang

/// What follows FILE (or `-e CODE`) on the command line: the script's `args`.
///
/// A ptero option there is refused rather than passed on: `ptero
/// migrate.ptero --dry-run` would otherwise run for real with `--dry-run`
/// in `args`. After a `--` everything is the script's, options included.
enum ScriptArguments {
    /// The options that change how ptero runs a script (the panel options
    /// and `--format`); each is a usage error after FILE.
    static let pteroOptions: Set<String> = ["--profile", "--url", "--dry-run", "--yes", "--journal", "--insecure", "--format", "-e"]

    /// The script's `args` from what follows FILE or `-e CODE`; `script`
    /// names it in the error (`migrate.ptero`, `-e CODE`).
    static func split(_ words: [String], script: String) throws(UsageError) -> [String] {
        guard let separator = words.firstIndex(of: "--") else {
            try refuseOptions(in: words, script: script)
            return words
        }
        try refuseOptions(in: words[..<separator], script: script)
        return Array(words[..<separator]) + Array(words[(separator + 1)...])
    }

    /// Options of the default command that take a value, so a scan of the
    /// command line can step over it.
    static let optionsWithValue: Set<String> = ["--profile", "--url", "--journal", "--format", "-e"]

    /// Reads a whole command line of the default command (`ptero [run]
    /// [OPTIONS] FILE|-e CODE [ARGS...]`) before ArgumentParser does, and
    /// returns the script's `args` (nil for another command): ArgumentParser
    /// would take a `--dry-run` after `-e CODE` as its own flag, and the word
    /// after `-e CODE --` as FILE, so both launch paths read `args` here.
    @discardableResult
    static func checkCommandLine(_ words: [String]) throws(UsageError) -> [String]? {
        var index = words.first == "run" ? 1 : 0
        if index == 0, let first = words.first, Ptero.subcommandNames.contains(first) { return nil }
        while index < words.count {
            let word = words[index]
            if word == "--" { return Array(words[(index + 1)...].dropFirst()) }
            if word == "-e" {
                guard index + 1 < words.count else { return nil }
                return try split(Array(words[(index + 2)...]), script: "-e CODE")
            }
            if !word.hasPrefix("-") {
                return try split(Array(words[(index + 1)...]), script: word)
            }
            index += optionsWithValue.contains(word) ? 2 : 1
        }
        return nil
    }

    private static func refuseOptions(in words: some Collection<String>, script: String) throws(UsageError) {
        for word in words {
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            guard pteroOptions.contains(name) else { continue }
            let shown = TerminalText.visible(script), option = TerminalText.visible(name)
            throw UsageError("\(option) after \(shown) would reach the script's args, not ptero: put it before \(shown), "
                             + "or after -- to pass it to the script (\(shown) -- \(option))")
        }
    }
}
