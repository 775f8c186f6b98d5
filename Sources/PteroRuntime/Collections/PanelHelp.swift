import PteroKit

/// The panel's part of bare `help`, which the language leaves to its host.
public enum PanelHelp {
    /// Without a panel: the collections of every panel ptero speaks.
    public static let text = text(collections: CollectionSource.application.map(\.name))

    /// On a panel: its own collections.
    static func text(for dialect: PanelDialect) -> String {
        text(collections: CollectionSource.globals(in: dialect).map(\.name))
    }

    static func text(collections: [String]) -> String { """
        Panel: \(collections.joined(separator: ", ")) are lazy queries of the panel; \
        client and account are the client API's.
        `servers where node == 3 and not suspended` filters them by the panel's field names; \
        .count, .first, .take(n), .list, [id] and .get(field: value) read them.
        help(servers) lists what a query has; help(servers.first.build) shows a method's arguments, endpoint and description.
        """
    }
}
