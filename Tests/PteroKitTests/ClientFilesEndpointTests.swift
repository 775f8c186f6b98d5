import Foundation
import PteroKit
import Testing

/// A server's files on the client API.
struct ClientFilesEndpointTests {
    @Test func filesCanBeWrittenReadMovedCopiedAndDeleted() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let server = fixture.identifier
            let text = "motd=Hello\n  spaced line  \nü\n"
            try await client.createFolder(server: server, name: "config")
            try await client.writeFile(server: server, path: "/config/server.properties", contents: text)
            #expect(try await client.fileContents(server: server, path: "/config/server.properties") == text)

            try await client.renameFiles(server: server, root: "/config", files: [FileRename(from: "server.properties", to: "game.properties")])
            try await client.copyFile(server: server, location: "/config/game.properties")
            let listed = try await client.listFiles(server: server, directory: "/config")
            let names = Set(listed.map(\.name))
            #expect(names.contains("game.properties") && !names.contains("server.properties") && names.count == 2, "\(names)")
            let file = try #require(listed.first { $0.name == "game.properties" })
            #expect(file.isFile && file.size == text.utf8.count && file.modeBits == "644")

            try await client.chmodFiles(server: server, root: "/config", files: [FileModeChange(file: "game.properties", mode: 600)])
            #expect(try await client.listFiles(server: server, directory: "/config").first { $0.name == "game.properties" }?.modeBits == "600")

            let archive = try await client.compressFiles(server: server, root: "/", files: ["config"])
            #expect(archive.isFile && archive.name.hasSuffix(".tar.gz"))
            try await client.deleteFiles(server: server, root: "/", files: ["config"])
            #expect(try await client.listFiles(server: server).contains { $0.name == "config" } == false)
            try await client.decompressFile(server: server, file: archive.name)
            #expect(try await client.fileContents(server: server, path: "/config/game.properties") == text)

            let download = try await client.fileDownloadURL(server: server, path: "/config/game.properties")
            #expect(download.url.contains("/download/file?token="))
            let upload = try await client.fileUploadURL(server: server)
            #expect(upload.url.contains("/upload/file?token="))
            try await client.pullFile(server: server, FilePull(url: "https://example.com/plugin.jar", directory: "/"))
        }
    }
}
