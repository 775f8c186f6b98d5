/// Pelican's egg file (`PLCN_v3`), as app/Services/Eggs/Sharing/EggExporterService.php
/// writes it and EggImporterService.php reads it back: the sim's egg and variables, and
/// the JSON and YAML texts of one.
enum PelicanEggFile {
    /// `Egg::EXPORT_VERSION`; `PTDL_v2`, `PLCN_v1` and `PLCN_v2` files are read too, their
    /// single `startup` becoming `startup_commands.Default` (`convertToV3`).
    static let version = "PLCN_v3"

    /// `handle`'s structure, in its key order. The sim keeps the egg's config as values, so
    /// `config.startup` and `config.logs` are the JSON texts the panel stores.
    static func structure(_ egg: Egg, variables: [EggVariable], now: Int) -> JSONValue {
        .object([
            ("_comment", .string("DO NOT EDIT: FILE GENERATED AUTOMATICALLY BY PANEL")),
            ("meta", .object([("version", .string(version)), ("update_url", .null)])),
            ("exported_at", .string(Timestamp.iso(now))),
            ("name", .string(egg.name)),
            ("author", .string(egg.author)),
            ("uuid", .string(egg.uuid)),
            ("description", .optional(egg.description)),
            ("icon", .null),
            ("tags", .array(egg.tags.map { .string($0) })),
            ("features", egg.features.map { .array($0.map { .string($0) }) } ?? .null),
            ("docker_images", .object(egg.dockerImages.map { ($0.0, .string($0.1)) })),
            ("file_denylist", .array([])),
            ("startup_commands", .object([("Default", .string(egg.startup))])),
            ("config", .object([
                ("files", .string(egg.configFiles)),
                ("startup", .string(prettyJSON(.object([("done", .string(egg.configStartupDone))])))),
                ("logs", .string("{}")),
                ("stop", .string(egg.configStop)),
            ])),
            ("scripts", .object([("installation", .object([
                ("script", .string(egg.installScript)),
                ("container", .string(egg.installContainer)),
                ("entrypoint", .string(egg.installEntry)),
            ]))])),
            // EggVariable's `toArray()` less id, egg_id and timestamps; `rules` is cast to an array.
            ("variables", .array(variables.enumerated().map { index, variable in
                .object([
                    ("name", .string(variable.name)),
                    ("description", .string(variable.description)),
                    ("env_variable", .string(variable.envVariable)),
                    ("default_value", .string(variable.defaultValue)),
                    ("user_viewable", .bool(variable.userViewable)),
                    ("user_editable", .bool(variable.userEditable)),
                    ("rules", .array(variable.rules.split(separator: "|").map { .string(String($0)) })),
                    ("sort", .int(index + 1)),
                ])
            })),
        ])
    }

    /// `json_encode(…, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES)`: four spaces, `"key": value`,
    /// an empty PHP array as `[]`.
    static func prettyJSON(_ value: JSONValue, depth: Int = 0) -> String {
        let inner = String(repeating: " ", count: (depth + 1) * 4), outer = String(repeating: " ", count: depth * 4)
        switch value {
        case .array(let items) where items.isEmpty: return "[]"
        case .object(let pairs) where pairs.isEmpty: return "[]"
        case .array(let items):
            return "[\n" + items.map { inner + prettyJSON($0, depth: depth + 1) }.joined(separator: ",\n") + "\n" + outer + "]"
        case .object(let pairs):
            return "{\n" + pairs.map { inner + scalarJSON(.string($0.0)) + ": " + prettyJSON($0.1, depth: depth + 1) }
                .joined(separator: ",\n") + "\n" + outer + "}"
        default: return scalarJSON(value)
        }
    }

    private static func scalarJSON(_ value: JSONValue) -> String {
        JSONSerializer.string(value).replacingOccurrences(of: "\\/", with: "/")
    }
}
