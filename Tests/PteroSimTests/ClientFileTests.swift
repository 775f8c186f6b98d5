import Foundation
import Testing
@testable import PteroSim

@Suite struct ClientFileTests {
    @Test func writeReadListRenameCopyDelete() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer()
            let base = "/api/client/servers/\(server.identifier)/files"
            let write = try await sim.request(.post, base + "/write?file=%2Fnotes%2Ftodo.txt", key: key, raw: Array("hello".utf8))
            #expect(write.status == 204)
            let read = try await sim.request(.get, base + "/contents?file=/notes/todo.txt", key: key)
            #expect(read.text == "hello")
            #expect(read.header("Content-Type") == "text/plain")
            let list = try await sim.request(.get, base + "/list?directory=/notes", key: key)
            let file = list.data.first?["attributes"]
            #expect(file?["name"]?.stringValue == "todo.txt")
            #expect(file?["mode"]?.stringValue == "-rw-r--r--")
            #expect(file?["mode_bits"]?.stringValue == "644")
            #expect(file?["size"]?.intValue == 5)
            #expect(keys(file) == ["name", "mode", "mode_bits", "size", "is_file", "is_symlink", "mimetype", "created_at", "modified_at"])
            let check1 = try await sim.request(.put, base + "/rename", key: key, json: #"{"root":"/notes","files":[{"from":"todo.txt","to":"done.txt"}]}"#).status == 204
            #expect(check1)
            let check2 = try await sim.request(.post, base + "/copy", key: key, json: #"{"location":"/notes/done.txt"}"#).status == 204
            #expect(check2)
            let names = try await sim.request(.get, base + "/list?directory=/notes", key: key).data.compactMap { $0["attributes"]?["name"]?.stringValue }
            #expect(names == ["done copy.txt", "done.txt"])
            let check3 = try await sim.request(.post, base + "/chmod", key: key, json: #"{"root":"/notes","files":[{"file":"done.txt","mode":755}]}"#).status == 204
            #expect(check3)
            let check4 = try await sim.request(.post, base + "/create-folder", key: key, json: #"{"root":"/notes","name":"archive"}"#).status == 204
            #expect(check4)
            let check5 = try await sim.request(.post, base + "/delete", key: key, json: #"{"root":"/notes","files":["done.txt"]}"#).status == 204
            #expect(check5)
            let activity = try await sim.request(.get, "/api/client/servers/\(server.identifier)/activity?filter[event]=file.delete", key: key)
            #expect(activity.data.first?["attributes"]?["properties"]?["count"]?.intValue == 1)
            let missing = try await sim.request(.get, base + "/contents?file=/notes/done.txt", key: key)
            #expect(missing.status == 404)
            #expect(missing.errorCode == "DaemonConnectionException")
            #expect(missing.errorDetail?.hasPrefix("An error occurred on the remote host: The requested resource was not found on the system. (request id: ") == true)
        }
    }

    @Test func pathTraversalStaysInsideTheServer() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer()
            let base = "/api/client/servers/\(server.identifier)/files"
            let escape = try await sim.request(.get, base + "/contents?file=../../etc/passwd", key: key)
            #expect(escape.status == 404)
            let check6 = try await sim.request(.post, base + "/write?file=../../../tmp/evil.txt", key: key, raw: Array("x".utf8)).status == 204
            #expect(check6)
            #expect(!FileManager.default.fileExists(atPath: "/tmp/evil.txt"))
            let root = try await sim.request(.get, base + "/list?directory=/tmp", key: key)
            #expect(root.data.first?["attributes"]?["name"]?.stringValue == "evil.txt")
        }
    }

    @Test func validationOnFileEndpoints() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer()
            let base = "/api/client/servers/\(server.identifier)/files"
            let check7 = try await sim.request(.get, base + "/contents", key: key).errorDetail == "The file field is required."
            #expect(check7)
            let check8 = try await sim.request(.post, base + "/write", key: key, raw: []).status == 422
            #expect(check8)
            let rename = try await sim.request(.put, base + "/rename", key: key, json: "{}")
            #expect(rename.errors.compactMap { $0["meta"]?["source_field"]?.stringValue } == ["root", "files"])
            let check9 = try await sim.request(.post, base + "/copy", key: key, json: "{}").status == 422
            #expect(check9)
            let check10 = try await sim.request(.post, base + "/delete", key: key, json: #"{"root":"/"}"#).status == 422
            #expect(check10)
            let check11 = try await sim.request(.post, base + "/create-folder", key: key, json: "{}").status == 422
            #expect(check11)
            let check12 = try await sim.request(.post, base + "/chmod", key: key, json: #"{"root":"/","files":[{"file":"x"}]}"#).errorDetail == "The files.0.mode field is required."
            #expect(check12)
            let check13 = try await sim.request(.post, base + "/compress", key: key, json: "{}").status == 422
            #expect(check13)
            let check14 = try await sim.request(.post, base + "/decompress", key: key, json: "{}").status == 422
            #expect(check14)
            let check15 = try await sim.request(.post, base + "/pull", key: key, json: #"{"url":"not a url"}"#).errorDetail == "The url format is invalid."
            #expect(check15)
            let check16 = try await sim.request(.get, base + "/download", key: key).status == 422
            #expect(check16)
            let check17 = try await sim.request(.get, base + "/list?directory=/nope", key: key).status == 404
            #expect(check17)
        }
    }

    @Test func compressDecompressRoundTrip() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer()
            let base = "/api/client/servers/\(server.identifier)/files"
            _ = try await sim.request(.post, base + "/write?file=/data/a.txt", key: key, raw: Array("A".utf8))
            let archive = try await sim.request(.post, base + "/compress", key: key, json: #"{"root":"/","files":["data"]}"#)
            #expect(archive.json["object"]?.stringValue == "file_object")
            let name = archive.attributes["name"]?.stringValue ?? ""
            #expect(name.hasPrefix("archive-") && name.hasSuffix(".tar.gz"))
            _ = try await sim.request(.post, base + "/delete", key: key, json: #"{"root":"/","files":["data"]}"#)
            let check18 = try await sim.request(.post, base + "/decompress", key: key, json: #"{"root":"/","file":"\#(name)"}"#).status == 204
            #expect(check18)
            let check19 = try await sim.request(.get, base + "/contents?file=/data/a.txt", key: key).text == "A"
            #expect(check19)
            let notArchive = try await sim.request(.post, base + "/decompress", key: key, json: #"{"root":"/","file":"data/a.txt"}"#)
            #expect(notArchive.status == 400)
        }
    }

    @Test func signedDownloadAndUploadWork() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer()
            let base = "/api/client/servers/\(server.identifier)/files"
            _ = try await sim.request(.post, base + "/write?file=/hello.txt", key: key, raw: Array("hi there".utf8))
            let signed = try await sim.request(.get, base + "/download?file=/hello.txt", key: key)
            #expect(signed.json["object"]?.stringValue == "signed_url")
            let url = signed.attributes["url"]?.stringValue ?? ""
            let path = String(url[url.range(of: "/download/")!.lowerBound...])
            let check20 = try await sim.request(.get, path, key: nil).text == "hi there"
            #expect(check20)
            let check21 = try await sim.request(.get, "/download/file?token=forged", key: nil).status == 403
            #expect(check21)
            let upload = try await sim.request(.get, base + "/upload", key: key)
            let uploadURL = upload.attributes["url"]?.stringValue ?? ""
            let uploadPath = String(uploadURL[uploadURL.range(of: "/upload/")!.lowerBound...]) + "&directory=/up"
            let body = "--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nuploaded!\r\n--XyZ--\r\n"
            let sent = try await sim.request(.post, uploadPath, key: nil, raw: Array(body.utf8), contentType: "multipart/form-data; boundary=XyZ")
            #expect(sent.status == 200)
            let check22 = try await sim.request(.get, base + "/contents?file=/up/a.txt", key: key).text == "uploaded!"
            #expect(check22)
        }
    }

    @Test func pullWritesAPlaceholderAndIsThrottled() async throws {
        var options = SimulatorOptions.testing()
        options.rateLimits = RateLimitOptions(application: 1000, client: 1000, windowSeconds: 60)
        try await withSim(options) { sim in
            let (server, key) = sim.ownedServer()
            let base = "/api/client/servers/\(server.identifier)/files"
            for _ in 0..<10 {
                let pulled = try await sim.request(.post, base + "/pull", key: key, json: #"{"url":"https://example.com/plugin.jar","directory":"/plugins"}"#)
                #expect(pulled.status == 204)
            }
            let throttled = try await sim.request(.post, base + "/pull", key: key, json: #"{"url":"https://example.com/plugin.jar"}"#)
            #expect(throttled.status == 429)
            let check23 = try await sim.request(.get, base + "/contents?file=/plugins/plugin.jar", key: key).text.contains("example.com") == true
            #expect(check23)
        }
    }

    @Test func subuserWithoutFilePermissionIs403() async throws {
        try await withSim { sim in
            let (server, _) = sim.ownedServer()
            let key = sim.subuserKey(on: server.id, permissions: ["file.read"])
            let base = "/api/client/servers/\(server.identifier)/files"
            let check24 = try await sim.request(.get, base + "/list", key: key).status == 200
            #expect(check24)
            let check25 = try await sim.request(.get, base + "/contents?file=/eula.txt", key: key).status == 403
            #expect(check25)
            let check26 = try await sim.request(.post, base + "/write?file=/x", key: key, raw: [1]).status == 403
            #expect(check26)
        }
    }
}
