import ArgumentParser

/// What `print` writes: plain text, or a JSON value a line for other programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
