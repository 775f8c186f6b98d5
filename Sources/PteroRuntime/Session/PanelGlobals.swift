import PteroKit
import PteroLang

/// Puts the panel's collections into a script's globals.
public enum PanelGlobals {
    /// The names a connected script gets.
    public static let names = CollectionSource.application.map(\.name) + ["client", "account"]

    /// Defines `servers`, `nodes`, `users`, `locations`, `nests` and `eggs`
    /// as lazy queries, and `client` and `account` for the client API.
    public static func install(into interpreter: Interpreter, session: PanelSession) {
        interpreter.defaultParallelism = session.client.executor.settings.concurrency
        session.interpreter = interpreter
        if session.gate.journal != nil { interpreter.recorder = session }
        interpreter.hostHelp = PanelHelp.text(for: session.dialect)
        let offered = CollectionSource.globals(in: session.dialect)
        for name in CollectionSource.application.map(\.name) {
            if let source = offered.first(where: { $0.name == name }) {
                interpreter.globals.defineConstant(name, .host(PanelQuery(session: session, source: source)))
            } else {
                let elsewhere = PanelDialect.allCases.filter { dialect in CollectionSource.globals(in: dialect).contains { $0.name == name } }
                interpreter.globals.defineConstant(name, .host(Disconnected(
                    name: name, absence: DialectAbsence.error(name, in: session.dialect, has: elsewhere, plural: true))))
            }
        }
        interpreter.listMethodExtension = BulkJob.onList
        interpreter.globals.defineConstant("client", .host(ClientAPI(session: session)))
        interpreter.globals.defineConstant("account", .host(Account(session: session)))
    }

    /// Defines the same names as values that explain how to connect.
    public static func installDisconnected(into interpreter: Interpreter, reason: String) {
        interpreter.hostHelp = PanelHelp.text
        for name in names {
            interpreter.globals.defineConstant(name, .host(Disconnected(name: name, reason: reason)))
        }
    }
}
