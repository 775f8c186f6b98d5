import PteroLang

/// How the REPL shows the value of what was typed: panel objects, lists
/// of them and queries as aligned tables, anything else as ptero writes it.
/// Only the REPL's echo uses this; `print` in scripts is unchanged.
public enum ReplEcho {
    /// The text to echo, lines no wider than `width` where a table can help it.
    /// A query fetches its first rows here, so this can fail as a read can.
    public static func text(for value: Value, interpreter: Interpreter, width: Int) throws -> String {
        switch value {
        case .host(let resource as Resource):
            return ResourceListing.render(resource, width: width)
        case .host(let query as PanelQuery):
            return try QueryPreview(query).render(name: query.source.name, filtered: !query.predicates.isEmpty, width: width)
        case .host(let report as BulkReport):
            return BulkReportTable.render(report, width: width)
        case .list(let list):
            if let resources = sameKindResources(list.items) { return ResourceTable.make(resources).render(width: width) }
            if let table = MapTable.make(list.items) { return table.render(width: width) }
        default:
            break
        }
        return value.literalText
    }

    /// The elements as resources when every one is a panel object of the same kind.
    static func sameKindResources(_ items: [Value]) -> [Resource]? {
        var resources: [Resource] = []
        for item in items {
            guard case .host(let resource as Resource) = item, resource.kind == resources.first?.kind ?? resource.kind else { return nil }
            resources.append(resource)
        }
        return resources.isEmpty ? nil : resources
    }
}
