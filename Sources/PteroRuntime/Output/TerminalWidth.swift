#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many columns the REPL's tables may fill: the terminal's own width,
/// else `$COLUMNS`, else 100 (a pipe, a log).
public enum TerminalWidth {
    public static let fallback = 100

    public static func current() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = getenv("COLUMNS").map({ String(cString: $0) }), let columns = Int(text), columns > 0 { return columns }
        return fallback
    }
}
