import Foundation
import Testing

/// The package can be a dependency: SwiftPM refuses a versioned dependency
/// whose targets carry unsafe build flags ("the target 'PteroLang' in
/// product 'PteroLang' contains unsafe build flags", seen with a consumer
/// package before they were taken out). Read from SwiftPM's own view of the
/// manifest (`swift package dump-package`), not from its text.
struct PackageManifestTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func noTargetCarriesUnsafeFlagsAndTheLibrariesHaveALicenseAndDocs() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // A scratch path of its own: `swift test` holds the package's .build lock.
        let scratch = try PteroBinary.temporaryFolder()
        process.arguments = ["swift", "package", "--package-path", Self.root.path, "--scratch-path", scratch.path, "dump-package"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Never a hang: a manifest that takes a minute to read fails the test.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        watchdog.cancel()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let targets = try #require(manifest["targets"] as? [[String: Any]])
        #expect(targets.count >= 6)
        for target in targets {
            let settings = target["settings"] as? [[String: Any]] ?? []
            let unsafe = settings.filter { (($0["kind"] as? [String: Any])?["unsafeFlags"]) != nil }
            #expect(unsafe.isEmpty, "\(target["name"] ?? "?") has unsafe flags: \(unsafe)")
        }
        #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("LICENSE").path))
        for library in ["PteroLang", "PteroKit", "PteroSim"] {
            let catalog = Self.root.appendingPathComponent("Sources/\(library)/\(library).docc/\(library).md").path
            #expect(FileManager.default.fileExists(atPath: catalog), "\(library) has no DocC catalog")
        }
    }
}
