/// The 0.7.19 transformers' attributes, made from the 1.x answer of the same handler so the
/// data stays one: each object keeps only the keys its v0.7.19 transformer has, in the 1.x
/// order, with 0.7's own values where they differ. Read from
/// `app/Transformers/Api/Application/*Transformer.php@v0.7.19` and
/// `app/Transformers/Api/Client/ServerTransformer.php@v0.7.19`.
enum Pterodactyl07Attributes {
    /// `ServerTransformer@v0.7.19` (application): no `status`, threads, oom_disabled or backups.
    static let server: Set<String> = [
        "id", "external_id", "uuid", "identifier", "name", "description", "suspended", "limits", "feature_limits",
        "user", "node", "allocation", "nest", "egg", "container", "updated_at", "created_at", "relationships",
    ]
    static let limits: Set<String> = ["memory", "swap", "disk", "io", "cpu"]
    static let featureLimits: Set<String> = ["databases", "allocations"]
    /// `NodeTransformer@v0.7.19`: the model's `toArray()` snake-cased, `daemonSecret` hidden
    /// (columns from the node migrations at v0.7.19); no uuid, no allocated_resources.
    static let node: Set<String> = [
        "id", "public", "name", "description", "location_id", "fqdn", "scheme", "behind_proxy", "maintenance_mode",
        "memory", "memory_overallocate", "disk", "disk_overallocate", "upload_size", "daemon_listen", "daemon_sftp",
        "daemon_base", "created_at", "updated_at", "relationships",
    ]
    /// `AllocationTransformer@v0.7.19`: no `notes`.
    static let allocation: Set<String> = ["id", "ip", "alias", "port", "assigned", "relationships"]
    /// `ServerDatabaseTransformer@v0.7.19`: no `max_connections`.
    static let database: Set<String> = ["id", "server", "host", "database", "username", "remote", "created_at", "updated_at", "relationships"]
    /// `EggTransformer@v0.7.19`: one `docker_image`, no `docker_images`, no `config.file_denylist`.
    static let egg: Set<String> = [
        "id", "uuid", "name", "nest", "author", "description", "docker_image", "config", "startup", "script",
        "created_at", "updated_at", "relationships",
    ]
    static let eggConfig: Set<String> = ["files", "startup", "stop", "logs", "extends"]
    /// `Api/Client/ServerTransformer@v0.7.19`: five attributes and two limit objects, no includes.
    static let clientServer: Set<String> = ["server_owner", "identifier", "uuid", "name", "description", "limits", "feature_limits"]

    /// Rewrites a handler's 1.x answer: its objects' attributes, or its 1.x error body.
    static func rewrite(_ response: SimResponse, api: Route.API) -> SimResponse {
        guard response.contentType == "application/json", !response.body.isEmpty,
              let value = try? JSONParser.parse(response.body) else { return response }
        var rewritten = response
        if response.status >= 400 {
            rewritten.body = JSONSerializer.serialize(errorBody(value, status: response.status))
            return rewritten
        }
        var isClient = false
        if case .clientServer = api { isClient = true }
        if case .client = api { isClient = true }
        var top = walk(value, isClient: isClient)
        // 0.7's client server view is a bare item: no `meta` (1.x: is_server_owner, user_permissions).
        if isClient, top["object"]?.stringValue == "server", case .object(let pairs) = top {
            top = .object(pairs.filter { $0.0 != "meta" })
        }
        rewritten.body = JSONSerializer.serialize(top)
        return rewritten
    }

    /// A 1.x `{"errors":[…]}` answered by a handler (not thrown) in 0.7's shape.
    static func errorBody(_ value: JSONValue, status: Int) -> JSONValue {
        let entries = value["errors"]?.arrayValue ?? []
        let converted = entries.map { entry in
            PanelError.Entry(
                code: entry["code"]?.stringValue ?? "HttpException", detail: entry["detail"]?.stringValue ?? "",
                sourceField: entry["meta"]?["source_field"]?.stringValue, rule: entry["meta"]?["rule"].map { $0.stringValue })
        }
        var error = PanelError(status: status, code: "HttpException", detail: "")
        if !converted.isEmpty { error.entries = converted }
        return Pterodactyl07Errors.body(error)
    }

    /// Every `{"object":…,"attributes":…}` below `value`, rewritten by its object name.
    static func walk(_ value: JSONValue, isClient: Bool) -> JSONValue {
        switch value {
        case .array(let items):
            return .array(items.map { walk($0, isClient: isClient) })
        case .object(let pairs):
            let name = value["object"]?.stringValue
            return .object(pairs.map { key, child -> (String, JSONValue) in
                if key == "attributes", let name, case .object(let attributes) = child {
                    return (key, .object(rewrite(attributes: attributes, object: name, isClient: isClient)))
                }
                return (key, walk(child, isClient: isClient))
            })
        default:
            return value
        }
    }

    private static func rewrite(attributes: [(String, JSONValue)], object: String, isClient: Bool) -> [(String, JSONValue)] {
        let nested = attributes.map { key, value in (key, walk(value, isClient: isClient)) }
        switch object {
        case "server" where isClient:
            return keep(nested, clientServer).map { key, value -> (String, JSONValue) in (key, subset(key, value)) }
        case "server":
            var result: [(String, JSONValue)] = []
            for (key, value) in keep(nested, server) {
                switch key {
                case "relationships": result.append((key, dropping(value, ["transfer"])))
                case "container": result.append((key, container(value)))
                default: result.append((key, subset(key, value)))
                }
                // 0.7 servers name their service pack; the sim has no packs.
                if key == "egg" { result.append(("pack", .null)) }
            }
            return result
        case "node": return keep(nested, node)
        case "allocation": return keep(nested, allocation)
        case "server_database", "databases": return keep(nested, database)
        case "egg":
            return keep(nested, egg).map { key, value -> (String, JSONValue) in
                key == "config" ? (key, .object((value.objectValue ?? []).filter { eggConfig.contains($0.0) })) : (key, value)
            }
        default: return nested
        }
    }

    private static func keep(_ pairs: [(String, JSONValue)], _ names: Set<String>) -> [(String, JSONValue)] {
        pairs.filter { names.contains($0.0) }
    }

    private static func subset(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(let pairs) = value else { return value }
        switch key {
        case "limits": return .object(keep(pairs, limits))
        case "feature_limits": return .object(keep(pairs, featureLimits))
        default: return value
        }
    }

    /// `installed` is `(int) $server->installed === 1`, a boolean in 0.7 (an int in 1.x).
    private static func container(_ value: JSONValue) -> JSONValue {
        guard case .object(let pairs) = value else { return value }
        return .object(pairs.map { key, child -> (String, JSONValue) in
            key == "installed" ? (key, .bool(child.intValue == 1 || child.boolValue == true)) : (key, child)
        })
    }

    private static func dropping(_ value: JSONValue, _ names: Set<String>) -> JSONValue {
        guard case .object(let pairs) = value else { return value }
        return .object(pairs.filter { !names.contains($0.0) })
    }
}
