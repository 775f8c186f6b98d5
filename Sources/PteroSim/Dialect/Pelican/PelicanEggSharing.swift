/// `GET eggs/{egg}/export` and `POST eggs/import` (app/Http/Controllers/Api/Application/Eggs/EggController.php):
/// the egg file out, as a download, and an egg file in, creating the egg or replacing the one
/// with its uuid.
enum PelicanEggSharing {
    /// Eggs/ExportEggRequest.php: `format` `nullable|string|in:yaml,json`; none is YAML
    /// (`EggFormat::tryFrom(...) ?? EggFormat::YAML`). A `streamDownload` named after the egg.
    static func export(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let egg = try PelicanEggRoutes.find(input, state)
        let format = input.query["format"].flatMap { $0.isEmpty ? nil : $0 }
        try Validator.validate(.object([("format", format.map { .string($0) } ?? .null)]),
                               [FieldRules("format", [.nullable, .string, .in(["yaml", "json"])])])
        let extensionName = format ?? "yaml"
        let structure = PelicanEggFile.structure(egg, variables: state.variables(ofEgg: egg.id), now: input.nowSeconds)
        let text = extensionName == "json" ? PelicanEggFile.prettyJSON(structure) : PelicanEggYAML.text(structure)
        var response = SimResponse(status: 200, body: Array(text.utf8), contentType: "application/" + extensionName)
        response.headers = [("Content-Disposition", "attachment; filename=egg-\(kebabName(egg.name)).\(extensionName)")]
        return response
    }

    /// `Egg::getKebabName`: Laravel's `kebab()` (words joined, a dash before each capital,
    /// lower case), then only word characters and dashes.
    static func kebabName(_ name: String) -> String {
        let words = name.split(whereSeparator: \.isWhitespace).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        var kebab = ""
        for (index, character) in words.enumerated() {
            if index > 0, character.isUppercase { kebab.append("-") }
            kebab.append(character)
        }
        return kebab.lowercased().filter { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" || $0 == "-" }
    }

    /// `EggImporterService::fromContent($request->getContent())`, answering the egg with 201.
    /// The panel reads the body as YAML (JSON being YAML too); the sim reads JSON only.
    static func importEgg(_ input: RouteInput, _ state: inout PanelState) throws -> SimResponse {
        let parsed = try parse(input.rawBody)
        let uuid = parsed["uuid"]?.stringValue ?? state.random.uuid()
        let existing = state.eggs.values.first { $0.uuid == uuid }
        let id = existing?.id ?? state.nextId("eggs")
        var egg = existing ?? Egg(
            id: id, uuid: uuid, nestId: 0, author: "", name: "", description: nil, features: nil, dockerImages: [], configFiles: "{}",
            configStartupDone: "", configStop: "", startup: "", installScript: "", installContainer: "", installEntry: "",
            createdAt: input.nowSeconds, updatedAt: input.nowSeconds)
        try fill(&egg, from: parsed)
        egg.updatedAt = input.nowSeconds
        state.eggs[id] = egg
        replaceVariables(of: id, with: parsed["variables"]?.arrayValue ?? [], now: input.nowSeconds, &state)
        return .json(input.applicationTransformer.egg(egg, in: state), status: 201)
    }

    /// `parse`: the file, its version upgraded to `PLCN_v3`; failures are InvalidFileUploadException's 400.
    static func parse(_ content: [UInt8]) throws -> JSONValue {
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(content)
        } catch {
            throw PanelError.display("File parse failed: \(error.message)", code: "InvalidFileUploadException")
        }
        guard case .object(var pairs) = parsed else {
            throw PanelError.display("The file format is not recognized.", code: "InvalidFileUploadException")
        }
        switch parsed["meta"]?["version"]?.stringValue ?? "" {
        case PelicanEggFile.version:
            break
        case "PTDL_v1", "PTDL_v2", "PLCN_v1", "PLCN_v2":
            // convertLegacy (PTDL_v1: `images` or `image` become `docker_images`) and convertToV3.
            if parsed["docker_images"] == nil {
                let images = parsed["images"]?.arrayValue?.compactMap(\.stringValue) ?? [parsed["image"]?.stringValue ?? "nil"]
                pairs.append(("docker_images", .object(images.map { ($0, .string($0)) })))
            }
            pairs = pairs.filter { $0.0 != "startup" && $0.0 != "startup_commands" }
            pairs.append(("startup_commands", .object([("Default", parsed["startup"] ?? .null)])))
        default:
            throw PanelError.display("The file format is not recognized.", code: "InvalidFileUploadException")
        }
        return renamingReserved(.object(pairs))
    }

    /// `EggVariable::RESERVED_ENV_NAMES` (app/Models/EggVariable.php), which the panel sets itself.
    static let reservedNames: Set<String> = [
        "P_SERVER_UUID", "P_SERVER_ALLOCATION_LIMIT", "SERVER_MEMORY", "SERVER_IP", "SERVER_PORT", "ENV", "HOME", "USER", "STARTUP",
        "MODIFIED_STARTUP", "SERVER_UUID", "UUID", "INTERNAL_IP", "HOSTNAME", "TERM", "LANG", "PWD", "TZ", "TIMEZONE",
    ]

    /// `parse`'s reserved-name handling: a variable named as a reserved one becomes `SERVER_…`
    /// (moved after the others), and so does each whole-word use of it in the startup commands.
    static func renamingReserved(_ file: JSONValue) -> JSONValue {
        guard case .object(let pairs) = file, let variables = file["variables"]?.arrayValue else { return file }
        func env(_ variable: JSONValue) -> String { variable["env_variable"]?.stringValue?.uppercased() ?? "" }
        let forbidden = variables.filter { reservedNames.contains(env($0)) }
        guard !forbidden.isEmpty else { return file }
        // Only then are all the names upper-cased, as the partition maps them.
        func named(_ variable: JSONValue, _ name: String) -> JSONValue {
            guard case .object(let fields) = variable else { return variable }
            return .object(fields.map { $0.0 == "env_variable" ? ($0.0, .string(name)) : $0 })
        }
        let allowed = variables.filter { !reservedNames.contains(env($0)) }.map { named($0, env($0)) }
        let renamed = forbidden.map { named($0, "SERVER_" + env($0)) }
        let names = Set(forbidden.map(env))
        func renaming(_ command: String) -> String {
            var result = "", word = ""
            func flush() { result += names.contains(word) ? "SERVER_" + word : word; word = "" }
            for character in command {
                if character.isASCII && (character.isLetter || character.isNumber || character == "_") { word.append(character) } else { flush(); result.append(character) }
            }
            flush()
            return result
        }
        return .object(pairs.map { key, value in
            switch key {
            case "variables": return (key, .array(allowed + renamed))
            case "startup_commands":
                return (key, .object((value.objectValue ?? []).map { ($0.0, $0.1.stringValue.map { .string(renaming($0)) } ?? $0.1) }))
            default: return (key, value)
            }
        })
    }

    /// `fillFromParsed`, then the model's `$validationRules` on save (app/Models/Egg.php): a
    /// file without a name, author, image or startup command is a DataValidationException.
    private static func fill(_ egg: inout Egg, from parsed: JSONValue) throws {
        let images = parsed["docker_images"]?.objectValue?.compactMap { key, value in value.stringValue.map { (key, $0) } } ?? []
        let startup = parsed["startup_commands"]?.objectValue?.first?.1.stringValue
        var missing: [(String, JSONValue)] = []
        for (field, present) in [("name", parsed["name"]?.stringValue != nil), ("author", parsed["author"]?.stringValue != nil),
                                 ("docker_images", !images.isEmpty), ("startup_commands", startup != nil)] where !present {
            missing.append((field, .array([.string("The \(field.replacingOccurrences(of: "_", with: " ")) field is required.")])))
        }
        if !missing.isEmpty {
            let errors = JSONSerializer.string(.object(missing))
            throw PanelError(status: 500, code: "DataValidationException",
                             detail: "Could not save App\\Models\\Egg[\(egg.id)]: failed to validate data: \(errors)")
        }
        egg.name = parsed["name"]!.stringValue!
        egg.author = parsed["author"]!.stringValue!
        egg.description = parsed["description"]?.stringValue
        egg.tags = parsed["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
        egg.features = parsed["features"]?.arrayValue?.compactMap(\.stringValue)
        egg.dockerImages = images
        egg.startup = startup!
        let config = parsed["config"]
        egg.configFiles = text(config?["files"]) ?? "{}"
        let startupConfig = config?["startup"].flatMap { value in value.stringValue.flatMap { try? JSONParser.parse(Array($0.utf8)) } ?? value }
        egg.configStartupDone = startupConfig?["done"]?.stringValue ?? startupConfig?["done"]?.arrayValue?.first?.stringValue ?? ""
        egg.configStop = config?["stop"]?.stringValue ?? ""
        let installation = parsed["scripts"]?["installation"]
        egg.installScript = installation?["script"]?.stringValue ?? ""
        egg.installContainer = installation?["container"]?.stringValue ?? ""
        egg.installEntry = installation?["entrypoint"]?.stringValue ?? ""
    }

    /// A config value as the panel stores it: JSON text (an object is encoded).
    private static func text(_ value: JSONValue?) -> String? {
        guard let value, value != .null else { return nil }
        return value.stringValue ?? PelicanEggFile.prettyJSON(value)
    }

    /// `updateOrCreate` by `env_variable`, then the egg's other variables go.
    private static func replaceVariables(of eggId: Int, with variables: [JSONValue], now: Int, _ state: inout PanelState) {
        var kept: Set<Int> = []
        for variable in variables {
            guard let env = variable["env_variable"]?.stringValue else { continue }
            let rules: String = variable["rules"]?.arrayValue.map { $0.compactMap(\.stringValue).joined(separator: "|") }
                ?? variable["rules"]?.stringValue ?? ""
            let defaultValue: String = switch variable["default_value"] {
            case .bool(let flag)?: flag ? "true" : "false"
            case .int(let number)?: String(number)
            case .string(let text)?: text
            default: ""
            }
            let existing = state.variables(ofEgg: eggId).first { $0.envVariable == env }
            let id = existing?.id ?? state.nextId("egg_variables")
            state.eggVariables[id] = EggVariable(
                id: id, eggId: eggId, name: variable["name"]?.stringValue ?? env, description: variable["description"]?.stringValue ?? "",
                envVariable: env, defaultValue: defaultValue, userViewable: variable["user_viewable"]?.boolValue ?? false,
                userEditable: variable["user_editable"]?.boolValue ?? false, rules: rules,
                createdAt: existing?.createdAt ?? now, updatedAt: now)
            kept.insert(id)
        }
        for variable in state.variables(ofEgg: eggId) where !kept.contains(variable.id) { state.eggVariables[variable.id] = nil }
    }
}
