extension SimulatedPanel {
    /// The dialect's routes as `METHOD /path/{parameter}`, sorted: what the sim answers
    /// (every other path is 404), for comparing against a client's own table.
    public var routes: [String] { store.routes.allRoutes.map(\.name).sorted() }

    /// The dialect this panel answers as.
    public var dialect: SimulatorDialect { store.options.dialect }
}
