/// Validation of egg variables as the panel's VariableValidatorService does it: each
/// variable's own rule string, labelled "<Name> variable".
enum EggVariableRules {
    static func fields(_ variables: [EggVariable], prefix: String) -> [FieldRules] {
        variables.map { variable in
            FieldRules(prefix + variable.envVariable, RuleString.parse(variable.rules), label: "\(variable.name) variable")
        }
    }

    /// Validates `environment` against every variable of the egg, missing ones as null.
    static func validate(_ environment: JSONValue, variables: [EggVariable]) throws {
        var pairs = environment.objectValue ?? []
        for variable in variables where !pairs.contains(where: { $0.0 == variable.envVariable }) {
            pairs.append((variable.envVariable, .null))
        }
        try Validator.validate(.object([("environment", .object(pairs))]), fields(variables, prefix: "environment."))
    }

    /// The stored values for the egg from an environment object ("" when absent).
    static func values(_ environment: JSONValue, variables: [EggVariable]) -> [Int: String] {
        var values: [Int: String] = [:]
        for variable in variables {
            let value = environment[variable.envVariable].flatMap(RuleEvaluator.scalarText) ?? ""
            values[variable.id] = value
        }
        return values
    }
}
