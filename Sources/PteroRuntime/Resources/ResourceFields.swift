/// The attributes the panel sends for the kinds of its top-level
/// collections, so that `ptero check` can tell `servers where nmae == "x"`
/// from a real field without asking a panel. They follow the panel's
/// transformers (panel: app/Transformers/Api/Application/ServerTransformer.php,
/// NodeTransformer.php, UserTransformer.php, LocationTransformer.php,
/// NestTransformer.php, EggTransformer.php), as PteroKit's models do.
enum ResourceFields {
    static let attributes: [String: [String]] = [
        "server": ["id", "external_id", "uuid", "identifier", "name", "description", "status", "suspended", "limits",
                   "feature_limits", "user", "node", "allocation", "nest", "egg", "container", "updated_at", "created_at"],
        "node": ["id", "uuid", "public", "name", "description", "location_id", "fqdn", "scheme", "behind_proxy",
                 "maintenance_mode", "memory", "memory_overallocate", "disk", "disk_overallocate", "upload_size",
                 "daemon_listen", "daemon_sftp", "daemon_base", "created_at", "updated_at", "allocated_resources"],
        "user": ["id", "external_id", "uuid", "username", "email", "first_name", "last_name", "language", "root_admin",
                 "2fa", "created_at", "updated_at"],
        "location": ["id", "short", "long", "updated_at", "created_at"],
        "nest": ["id", "uuid", "author", "name", "description", "created_at", "updated_at"],
        "egg": ["id", "uuid", "name", "nest", "author", "description", "docker_image", "docker_images", "config", "startup",
                "script", "created_at", "updated_at"],
    ]

    /// Every name a `where` condition on objects of `object` may use as a
    /// field: the attributes, the relations and the sub-collections; nil
    /// when the kind's attributes are not known here.
    static func whereNames(for object: String) -> [String]? {
        guard let attributes = attributes[object] else { return nil }
        return attributes + Relations.names(for: object) + SubCollections.names(for: object)
            + (object == "server" ? ServerClientMembers.names : [])
    }
}
