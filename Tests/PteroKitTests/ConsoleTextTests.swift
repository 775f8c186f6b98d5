@testable import PteroKit
import Testing

/// A console line is the game's text: shown, never obeyed.
struct ConsoleTextTests {
    static let coloured = "\u{1B}[32mDone\u{1B}[0m (3.1s)!"

    @Test func aTerminalKeepsColoursAndNothingElse() {
        #expect(ConsoleText.forTerminal(Self.coloured) == Self.coloured)
        // A title (OSC), the clipboard (OSC 52), a cursor move and a screen clear are dropped.
        let hostile = "a\u{1B}]0;owned\u{07}b\u{1B}]52;c;ZXZpbA==\u{1B}\\c\u{1B}[2J\u{1B}[10;1Hd\u{1B}[1;31me"
        #expect(ConsoleText.forTerminal(hostile) == "abcd\u{1B}[1;31me\u{1B}[0m")
    }

    @Test func plainTextHasNoEscapesNorControls() {
        #expect(ConsoleText.plain(Self.coloured) == "Done (3.1s)!")
        #expect(ConsoleText.plain("a\u{07}b\u{08}c\r\u{9B}d\u{7F}\te") == "abcd\te")
        #expect(ConsoleText.plain("ends in ESC \u{1B}") == "ends in ESC ")
        #expect(ConsoleText.plain("half \u{1B}[12") == "half ")
    }
}
