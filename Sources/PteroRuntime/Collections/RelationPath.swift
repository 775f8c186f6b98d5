import Foundation
import PteroKit
import PteroLang

/// A parent object whose include lists a collection's items: the servers
/// of node 3 are `GET /api/application/nodes/3?include=servers`. The panel
/// has no `filter[node_id]` on servers (pterodactyl/panel PR #3450 was
/// refused with "request the node with ?include=servers"), so without this
/// `servers where node == 3` reads every page of every server.
///
/// What the panel answers, from its source at v1.11.8:
/// `app/Transformers/Api/Application/NodeTransformer.php`, `UserTransformer.php`
/// and `EggTransformer.php` offer `servers` (LocationTransformer.php does too,
/// through the location's nodes, but a server has no `location` attribute to
/// compare, so servers are not pushed down by location; its `nodes` include
/// serves `nodes where location_id == L`); each renders the relation with
/// the listing's transformer (`ServerTransformer`, `NodeTransformer`), so an
/// included item has the listing's attributes, its own relationships only
/// when asked for (`include=servers.allocations`).
/// The include is the whole relation in one answer, `{object: "list", data}`
/// without `meta.pagination` (`PterodactylSerializer::collection`), under
/// `attributes.relationships.servers`; a key that may not read servers gets
/// a `null_resource` there (`BaseTransformer::authorize`). `nests/{nest}/eggs/{egg}`
/// is a scoped binding (routes/api-application.php, `{nest:id}/eggs/{egg:id}`):
/// an egg of another nest is a 404, so an egg is only pushed down with its nest.
struct RelationPath: Sendable, Equatable {
    /// The parent's own path: `/api/application/nodes/3`.
    let path: String
    /// The parent's envelope object: `node`.
    let object: String
    /// The include, and the relationship it fills: `servers`.
    let include: String

    /// How a collection's items can be reached through a parent, tried in
    /// order: the parent's row (its ids are the fields the condition must
    /// pin) and the include that lists the items.
    struct Candidate: Sendable {
        let object: String
        let include: String
        let link: RowLink

        func path(_ ids: [String: Int], in table: APITable) -> RelationPath? {
            guard let path = link.path(in: table, id: { ids[$0] }) else { return nil }
            return RelationPath(path: path, object: object, include: include)
        }
    }

    /// The relations of the application API's servers and nodes in
    /// `table`; none elsewhere (the client API has no includes that list
    /// servers). Pelican has no nests and its eggs are top-level, so there
    /// an egg alone is pushed down (`eggs/{egg}?include=servers`,
    /// pelican-dev/panel app/Transformers/Api/Application/EggTransformer.php
    /// offers `servers`); Pterodactyl's needs its nest with it.
    static func candidates(for source: CollectionSource, in table: APITable) -> [Candidate] {
        if source.object == "node", source.path == table.endpoint("nodes.list")?.path {
            return [Candidate(object: "location", include: "nodes", link: RowLink("locations.view", fields: ["location": "location_id"]))]
        }
        guard source.object == "server", source.path == table.endpoint("servers.list")?.path else { return [] }
        return [
            Candidate(object: "node", include: "servers", link: RowLink("nodes.view", fields: ["node": "node"])),
            Candidate(object: "user", include: "servers", link: RowLink("users.view", fields: ["user": "user"])),
            Candidate(object: "egg", include: "servers", link: RowLink("eggs.view", "pelican.eggs.view", fields: ["nest": "nest", "egg": "egg"])),
        ]
    }

    var request: PanelRequest {
        PanelRequest(.get, path, query: [URLQueryItem(name: "include", value: include)])
    }

    /// The included items, read once: `[]` when the parent does not exist
    /// (a 404: no node 99, so no servers on it), nil when the panel would
    /// not include them (a `null_resource`), so the caller lists instead.
    func items(session: PanelSession, object itemObject: String, collection: String) throws -> [Value]? {
        let endpoint = "GET \(path)?include=\(include)"
        let answer: Value
        do {
            answer = try session.read(request)
        } catch let error as RuntimeError where error.panelStatus == 404 {
            return []
        }
        let item = try AnswerShape.item(answer, object: object, endpoint: endpoint)
        guard case .map(let body) = item, case .map(let attributes)? = body.value(forName: "attributes"),
              case .map(let relationships)? = attributes.value(forName: "relationships"),
              let related = relationships.value(forName: include) else {
            throw RuntimeError("\(endpoint) answered one \(AnswerShape.spoken(object)) without relationships.\(include)")
        }
        if case .map(let entry) = related, case .string("null_resource")? = entry.value(forName: "object") { return nil }
        let list = try PageEnvelope(related, endpoint: endpoint, object: itemObject)
        if list.pagination != nil {
            throw RuntimeError("\(endpoint) answered relationships.\(include) with meta.pagination; the panel sends an include whole")
        }
        return list.items.map { Resource.fromEnvelope($0, session: session, collection: collection) ?? .null }
    }
}

extension RuntimeError {
    /// The status of the panel's refusal this error reports, if it is one.
    var panelStatus: Int? {
        for (name, value) in details where name == "status" {
            if case .int(let status) = value { return status }
        }
        return nil
    }
}
