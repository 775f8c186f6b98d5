/// One Laravel validation rule; `name` is what the panel reports in `meta.rule`.
enum Rule: Sendable {
    case required
    /// Skip every rule of the field when it is absent.
    case sometimes
    case present
    case nullable
    case filled
    case string
    case integer
    case numeric
    case boolean
    case array
    case email
    case url
    case ip
    case alphaDash
    case alphaNumeric
    case min(Double)
    case max(Double)
    case between(Double, Double)
    case size(Int)
    case digitsBetween(Int, Int)
    case `in`([String])
    case regex(String)
    case confirmed
    case username
    case requiredUnless(String, [String])
    /// Required when the other field is filled (app/Http/Requests/Api/Application/Servers/
    /// UpdateServerBuildConfigurationRequest.php makes `limits.*` so).
    case requiredWith(String)
    /// Required when the other field is not filled (the same request's legacy top-level limits).
    case requiredWithout(String)
    /// A check against the store (unique/exists); `name` is `unique` or `exists`.
    case check(name: String, passes: @Sendable (JSONValue) -> Bool)

    var name: String {
        switch self {
        case .required: "required"
        case .sometimes: "sometimes"
        case .present: "present"
        case .nullable: "nullable"
        case .filled: "filled"
        case .string: "string"
        case .integer: "integer"
        case .numeric: "numeric"
        case .boolean: "boolean"
        case .array: "array"
        case .email: "email"
        case .url: "url"
        case .ip: "ip"
        case .alphaDash: "alpha_dash"
        case .alphaNumeric: "alpha_num"
        case .min: "min"
        case .max: "max"
        case .between: "between"
        case .size: "size"
        case .digitsBetween: "digits_between"
        case .in: "in"
        case .regex: "regex"
        case .confirmed: "confirmed"
        case .username: "p_username"
        case .requiredUnless: "required_unless"
        case .requiredWith: "required_with"
        case .requiredWithout: "required_without"
        case .check(let name, passes: _): name
        }
    }

    /// Rules that run even when the field is missing (Laravel's "implicit" rules).
    var isImplicit: Bool {
        switch self {
        case .required, .present, .filled, .requiredUnless, .requiredWith, .requiredWithout: true
        default: false
        }
    }

    static func unique(_ isTaken: @escaping @Sendable (JSONValue) -> Bool) -> Rule {
        .check(name: "unique", passes: { !isTaken($0) })
    }

    static func exists(_ found: @escaping @Sendable (JSONValue) -> Bool) -> Rule {
        .check(name: "exists", passes: found)
    }
}
