import Foundation
import Testing
@testable import PteroSim

/// `SSHPublicKey` against keys made by ssh-keygen (`Tests/Fixtures/ssh-public-keys.txt`):
/// its fingerprint is ssh-keygen's SHA-256 one, and its PKCS8 the same DER that
/// `ssh-keygen -e -m PKCS8` writes (ed25519, which ssh-keygen cannot export, by RFC 8410's layout).
@Suite struct SSHPublicKeyTests {
    struct Vector: Sendable, CustomStringConvertible {
        let name: String, openSSH: String, pkcs8Base64: String, fingerprint: String
        var description: String { name }
    }

    static let vectors: [Vector] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/ssh-public-keys.txt")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let columns = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            return columns.count == 4 ? Vector(name: columns[0], openSSH: columns[1], pkcs8Base64: columns[2], fingerprint: columns[3]) : nil
        }
    }()

    @Test func theFixtureHasEveryKind() {
        #expect(Self.vectors.map(\.name) == ["kdsa", "krsab1024", "krsab2048", "kecdsab256", "kecdsab521", "ked25519"])
    }

    @Test(arguments: vectors) func fingerprintAndPKCS8AreSSHKeygens(vector: Vector) throws {
        let key = try #require(SSHPublicKey(openSSH: vector.openSSH))
        #expect(key.fingerprint == vector.fingerprint)
        if key.kind == .dsa {
            #expect(key.pkcs8 == nil)
            return
        }
        let pem = try #require(key.pkcs8)
        #expect(pem.hasPrefix("-----BEGIN PUBLIC KEY-----\r\n") && pem.hasSuffix("\r\n-----END PUBLIC KEY-----"))
        let lines = pem.components(separatedBy: "\r\n").dropFirst().dropLast()
        #expect(lines.allSatisfy { $0.count <= 64 })
        let body = lines.joined()
        if vector.pkcs8Base64.isEmpty {
            let raw = try #require(Data(base64Encoded: body))
            #expect(Array(raw.prefix(12)) == [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00])
            #expect(raw.count == 44)
        } else {
            #expect(body == vector.pkcs8Base64)
        }
    }

    @Test func rsaLengthIsTheModulusBits() throws {
        let short = try #require(Self.vectors.first { $0.name == "krsab1024" })
        let long = try #require(Self.vectors.first { $0.name == "krsab2048" })
        #expect(SSHPublicKey(openSSH: short.openSSH)?.rsaBits == 1024)
        #expect(SSHPublicKey(openSSH: long.openSSH)?.rsaBits == 2048)
    }

    @Test func malformedKeysDoNotLoad() {
        #expect(SSHPublicKey(openSSH: "ssh-dss AAAAB3NzaC1kc3M=") == nil)  // a type and nothing else
        #expect(SSHPublicKey(openSSH: "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIMXbqEWOAIfvW3BO6j8LkraBYnh+CMU0wOE/BNVEvs0g") == nil)  // the blob says ed25519
        #expect(SSHPublicKey(openSSH: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMXbqEWOAIfvW3BO6j8LkraB") == nil)  // cut
        #expect(SSHPublicKey(openSSH: "ssh-ed25519 not-base64") == nil)
    }
}
