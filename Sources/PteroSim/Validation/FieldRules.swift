/// The rules of one input field, written in the order the panel declares them because
/// 422 entries come out in that order.
struct FieldRules: Sendable {
    /// Dotted path into the body; `*` matches every element of an array.
    var field: String
    var rules: [Rule]
    /// Overrides the attribute text in messages (egg variables: "Server Jar File variable").
    var label: String?

    init(_ field: String, _ rules: [Rule], label: String? = nil) {
        self.field = field
        self.rules = rules
        self.label = label
    }
}
