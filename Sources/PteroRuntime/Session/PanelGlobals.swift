import PteroLang

/// Puts the panel's collections into a script's globals.
public enum PanelGlobals {
    /// Defines `servers`, `nodes`, `users`, `locations` and `nests` as lazy queries.
    public static func install(into interpreter: Interpreter, session: PanelSession) {
        interpreter.defaultParallelism = session.client.executor.settings.concurrency
        for source in CollectionSource.application {
            interpreter.globals.defineConstant(source.name, .host(PanelQuery(session: session, source: source)))
        }
    }

    /// Defines the same names as values that explain how to connect.
    public static func installDisconnected(into interpreter: Interpreter, reason: String) {
        for source in CollectionSource.application {
            interpreter.globals.defineConstant(source.name, .host(Disconnected(name: source.name, reason: reason)))
        }
    }
}
