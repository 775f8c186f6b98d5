import PteroKit
import PteroLang

/// The one sentence for what the panel a session talks to has not got
/// and another panel has: "backups are not in Pterodactyl 0.7's API;
/// Pterodactyl 1.x has them". A script written for one panel then fails
/// at the line that asks, with the reason, instead of a 404.
enum DialectAbsence {
    /// `what` is absent from `dialect` and present in `elsewhere`.
    static func error(_ what: String, in dialect: PanelDialect, has elsewhere: [PanelDialect], plural: Bool) -> RuntimeError {
        let others = elsewhere.map(\.displayName).joined(separator: " and ")
        return RuntimeError("\(what) \(plural ? "are" : "is") not in \(dialect.displayName)'s API; \(others) \(elsewhere.count > 1 ? "have" : "has") \(plural ? "them" : "it")")
    }

    /// The same for a member of an object (`s.backups`, `account`) that only
    /// some dialects have: nil when `dialect` has it or no dialect does.
    static func lacks(_ what: String, in dialect: PanelDialect, plural: Bool = true,
                      where present: (PanelDialect) -> Bool) -> RuntimeError? {
        guard !present(dialect) else { return nil }
        let elsewhere = PanelDialect.allCases.filter(present)
        guard !elsewhere.isEmpty else { return nil }
        return error(what, in: dialect, has: elsewhere, plural: plural)
    }
}
