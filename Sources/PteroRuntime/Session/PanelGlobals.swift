import PteroLang

/// Puts the panel's collections into a script's globals.
public enum PanelGlobals {
    /// Defines `servers`, `nodes`, `users`, `locations` and `nests` as lazy queries.
    public static func install(into interpreter: Interpreter, session: PanelSession) {
        for source in CollectionSource.application {
            interpreter.globals.defineConstant(source.name, .host(PanelQuery(session: session, source: source)))
        }
    }
}
