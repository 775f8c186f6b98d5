import Foundation
import PteroKit
import PteroLang
import Synchronization
import Testing
@testable import PteroRuntime

/// The journal file refuses what would lose or double work: a link that
/// would append elsewhere, a second run on the same journal, a file that is
/// not a journal, damage in the middle (a torn last line is the only damage
/// passed over).
struct JournalFileTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
    }

    static let suspend = PanelRequest(.post, "/api/application/servers/7/suspend")

    private func refusal(_ path: String) -> String? {
        do {
            _ = try Journal(path: path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aSymbolicLinkIsRefusedAndItsTargetUntouched() throws {
        let target = Self.temporaryPath(), link = Self.temporaryPath()
        try "precious\n".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(refusal(link)?.contains("is a symbolic link") == true)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious\n")
    }

    @Test func aSecondRunOnTheSameJournalIsRefusedWhileTheFirstHoldsIt() throws {
        let path = Self.temporaryPath()
        try withExtendedLifetime(try Journal(path: path)) {
            #expect(refusal(path)?.contains("is in use by another ptero run") == true)
        }
        // Once the first run has let go, the journal opens again.
        #expect(refusal(path) == nil)
    }

    @Test func aDamagedLineIsReportedWithItsNumber() async throws {
        let path = Self.temporaryPath()
        do {
            let journal = try Journal(path: path)
            try journal.begin(script: "/scripts/test.ptero", source: "test", arguments: [])
            _ = try await WriteGate(settings: .init(), journal: journal, report: { _ in })
                .submit(Self.suspend, at: InteractionPosition([1])) { _ in PanelResponse(status: 204) }
        }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("garbage \u{1B}]0;owned\u{07}\nlater\n".utf8))
        try handle.close()
        let message = try #require(refusal(path))
        #expect(message.contains("is damaged at line 4"), "\(message)")
        #expect(!message.contains("\u{1B}"))
    }

    @Test func aFileFarLargerThanAnyJournalIsRefusedUnread() throws {
        let path = Self.temporaryPath()
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(Journal.maximumSize) + 1)
        try handle.close()
        #expect(refusal(path)?.contains("more than a journal of ptero's holds") == true)
    }

    /// A journal never grows past what a rerun reads back: the write whose
    /// intent would pass the limit is not sent.
    @Test func aJournalStopsTheRunBeforeItGrowsPastWhatARerunReads() async throws {
        let path = Self.temporaryPath()
        let journal = try Journal(path: path, appends: true, sizeLimit: 2 * 1024 * 1024)
        try journal.begin(script: "/scripts/test.ptero", source: "test", arguments: [])
        let gate = WriteGate(settings: .init(), journal: journal, report: { _ in })
        let big = Data(("{\"text\":\"" + String(repeating: "x", count: 400_000) + "\"}").utf8)
        let sent = Mutex(0)
        await #expect {
            for step in 1...20 {
                _ = try await gate.submit(Self.suspend, at: InteractionPosition([step])) { _ in
                    sent.withLock { $0 += 1 }
                    return PanelResponse(status: 200, body: big)
                }
            }
        } throws: { "\($0)".contains("would pass 2 MiB") }
        let count = sent.withLock { $0 }
        #expect(count > 0 && count < 20)
        // What was written reads back.
        _ = try Journal(path: path, appends: false, sizeLimit: 2 * 1024 * 1024)
    }

    @Test func aFolderIsRefused() throws {
        let path = Self.temporaryPath()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        #expect(refusal(path) != nil)
    }
}
