import Foundation

/// The game behind a simulated console: a small Minecraft-like server that prints boot and
/// shutdown lines and answers the few commands it knows. Wings only relays what the game
/// writes; none of these texts come from Wings.
enum EggConsole {
    /// Longest command line answered; longer ones are cut (Wings' frames are small too).
    static let maximumCommandLength = 1024

    static func bootLines(serverName: String) -> [String] {
        [
            "[Server thread/INFO]: Starting minecraft server version 1.20.4",
            "[Server thread/INFO]: Loading properties",
            "[Server thread/INFO]: Starting Minecraft server on *:25565",
            "[Server thread/INFO]: Preparing level \"world\" for \(serverName)",
        ]
    }

    /// The line after which the game counts as running (an egg's `startup.done`).
    static let doneLine = "[Server thread/INFO]: Done (3.142s)! For help, type \"help\""

    static let stopLines = [
        "[Server thread/INFO]: Stopping the server",
        "[Server thread/INFO]: Saving players",
        "[Server thread/INFO]: Saving worlds",
    ]

    /// A line of idle chatter, numbered so a test can count them.
    static func chatter(_ number: Int) -> String {
        "[Server thread/INFO]: Tick \(number): all chunks saved, 0 players online"
    }

    /// What the game prints for `command`, and the auto-save setting after it.
    static func answer(_ command: String, autosave: Bool) -> (lines: [String], autosave: Bool) {
        let line = String(command.prefix(maximumCommandLength)).trimmingCharacters(in: .whitespaces)
        let word = line.split(separator: " ", maxSplits: 1).first.map(String.init)?.lowercased() ?? ""
        let rest = line.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        switch word.hasPrefix("/") ? String(word.dropFirst()) : word {
        case "list":
            return (["[Server thread/INFO]: There are 0 of a max of 20 players online: "], autosave)
        case "say":
            return (["[Server thread/INFO]: [Server] \(rest)"], autosave)
        case "save-off":
            return ([autosave ? "[Server thread/INFO]: Automatic saving is now disabled" : "[Server thread/INFO]: Saving is already turned off"], false)
        case "save-on":
            return ([autosave ? "[Server thread/INFO]: Saving is already turned on" : "[Server thread/INFO]: Automatic saving is now enabled"], true)
        case "save-all":
            return (["[Server thread/INFO]: Saving the game (this may take a moment!)", "[Server thread/INFO]: Saved the game"], autosave)
        case "help":
            return (["[Server thread/INFO]: /help, /list, /say <message>, /save-all, /save-off, /save-on, /stop"], autosave)
        case "":
            return ([], autosave)
        default:
            return (["[Server thread/INFO]: Unknown or incomplete command, see below for error", "[Server thread/INFO]: \(line)<--[HERE]"], autosave)
        }
    }
}
