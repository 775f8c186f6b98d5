/// PHP's `version_compare` (ext/standard/versioning.c), which Pelican's plugins use to hold
/// a plugin's `panel_version` and an update's version against others: `1.0.0-beta38` is
/// older than `1.0.0`, `beta` newer than `alpha`, `pl` newest.
enum PHPVersion {
    /// -1, 0 or 1, as `version_compare($left, $right)`.
    static func compare(_ left: String, _ right: String) -> Int {
        let leftParts = parts(left), rightParts = parts(right)
        for index in 0..<max(leftParts.count, rightParts.count) {
            let order: Int
            switch (index < leftParts.count ? leftParts[index] : nil, index < rightParts.count ? rightParts[index] : nil) {
            case (let one?, let other?): order = compare(part: one, other)
            case (let one?, nil): order = Int(one) != nil ? 1 : compare(part: one, "#")
            case (nil, let other?): order = Int(other) != nil ? -1 : compare(part: "#", other)
            case (nil, nil): order = 0
            }
            if order != 0 { return order }
        }
        return 0
    }

    /// The canonical form's parts: `-`, `_` and `+` are dots, and a dot goes between digits and letters.
    static func parts(_ version: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in version {
            if "-_+.".contains(character) {
                if !current.isEmpty { result.append(current) }
                current = ""
                continue
            }
            if let last = current.last, last.isNumber != character.isNumber {
                result.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static func compare(part one: String, _ other: String) -> Int {
        if let first = Int(one), let second = Int(other) { return first < second ? -1 : (first > second ? 1 : 0) }
        let first = rank(Int(one) != nil ? "#" : one), second = rank(Int(other) != nil ? "#" : other)
        return first < second ? -1 : (first > second ? 1 : 0)
    }

    /// `compare_special_version_forms`: any other word is older than `dev`.
    private static func rank(_ form: String) -> Int {
        let forms: [(String, Int)] = [("dev", 0), ("alpha", 1), ("a", 1), ("beta", 2), ("b", 2), ("RC", 3), ("rc", 3), ("#", 4), ("pl", 5), ("p", 5)]
        return forms.first { form.hasPrefix($0.0) }?.1 ?? -6
    }
}
