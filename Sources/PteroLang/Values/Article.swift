/// The indefinite article for a type name in messages: "an int", "an Egg",
/// "a User". One rule for every message that names a type.
public enum Article {
    /// "a" or "an" for `word`: "an" before a vowel sound. A leading "u" that
    /// sounds "you" (User, uuid, unique) and "eu"/"one" take "a".
    public static func indefinite(for word: String) -> String {
        let lowered = word.lowercased()
        guard let first = lowered.first, "aeiou".contains(first) else { return "a" }
        for youSound in ["us", "uu", "uni", "uti", "eu", "one"] where lowered.hasPrefix(youSound) { return "a" }
        return "an"
    }

    /// `word` after its article: "a User".
    public static func with(_ word: String) -> String { indefinite(for: word) + " " + word }
}
