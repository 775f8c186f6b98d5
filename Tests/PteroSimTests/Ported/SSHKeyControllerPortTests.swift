import Foundation
import Testing
@testable import PteroSim

/// Port of pterodactyl/panel v1.11.8 tests/Integration/Api/Client/SSHKeyControllerTest.php (3 of 7 methods:
/// the others post PKCS8 public keys, which the sim does not read yet; see PORTED.md).
@Suite struct SSHKeyControllerPortTests {
    /// database/Factories/UserSSHKeyFactory.php's ed25519 and rsa_4096 keys (public test keys).
    static let ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOaXIq09NH4a93EVdrvHYiZ67Wj+GBEBQ9ou4W0qSYm2"
    static let rsa = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC4VVsHFO5MxvCtAPyoKGANWyuwZ4fvllvFog5RJbfpDpw8etDFVGEXl+uRR8p79g9oV7MscoFo6HiWrJc4/4vlP665msjosILdIcbnuzMhvXnKisaGh9zflkpyR3KhUxoHxqYp2q8XtffjKKAHz1a8o7OUG6fwaKIqu+d0PoICZQ=="

    /// A stored key as the factory writes it: the key and its SHA-256 fingerprint straight into the table.
    static func createKey(_ sim: SimHarness, userId: Int, publicKey: String) -> SSHKey {
        let blob = Data(base64Encoded: String(publicKey.split(separator: " ")[1]))!
        let fingerprint = "SHA256:" + Data(SHA256.digest(Array(blob))).base64EncodedString().replacingOccurrences(of: "=", with: "")
        var key: SSHKey!
        sim.mutate { state in
            let id = state.nextId("ssh_keys")
            key = SSHKey(id: id, userId: userId, name: "Factory Key", fingerprint: fingerprint, publicKey: publicKey, createdAt: 1_800_000_000)
            state.sshKeys[id] = key
        }
        return key
    }

    @Test func testSSHKeysAreReturned() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let user2 = sim.createUser()
            let key = Self.createKey(sim, userId: user.id, publicKey: Self.ed25519)
            _ = Self.createKey(sim, userId: user2.id, publicKey: Self.rsa)
            let response = try await sim.user(.get, "/account/ssh-keys", key: sim.actingAs(user))
            #expect(response.status == 200)
            #expect(response.json["object"]?.stringValue == "list")
            #expect(response.item(0)?["object"]?.stringValue == "ssh_key")
            let attributes = response.item(0)?["attributes"]
            #expect(keys(attributes) == ["name", "fingerprint", "public_key", "created_at"])
            #expect(attributes?["name"]?.stringValue == key.name)
            #expect(attributes?["fingerprint"]?.stringValue == key.fingerprint)
            #expect(attributes?["public_key"]?.stringValue == key.publicKey)
            #expect(attributes?["created_at"]?.stringValue == Timestamp.iso(key.createdAt))
        }
    }

    /// The panel soft-deletes; the sim drops the row, so "soft deleted" is "gone" and "not soft deleted" is "still there".
    @Test func testSSHKeyCanBeDeleted() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let user2 = sim.createUser()
            let key = Self.createKey(sim, userId: user.id, publicKey: Self.ed25519)
            let key2 = Self.createKey(sim, userId: user2.id, publicKey: Self.ed25519)
            let actor = sim.actingAs(user)
            let endpoint = "/account/ssh-keys/remove"
            let missing = try await sim.user(.post, endpoint, key: actor, json: "{}")
            #expect(missing.status == 422)
            #expect(missing.firstError["meta"] == .object([("source_field", .string("fingerprint")), ("rule", .string("required"))]))
            let check1 = try await sim.user(.post, endpoint, key: actor, json: #"{"fingerprint":"\#(key.fingerprint)"}"#).status == 204
            #expect(check1)
            #expect(sim.state { $0.sshKeys[key.id] } == nil)
            #expect(sim.state { $0.sshKeys[key2.id] } != nil)
            let check2 = try await sim.user(.post, endpoint, key: actor, json: #"{"fingerprint":"\#(key.fingerprint)"}"#).status == 204
            #expect(check2)
            let check3 = try await sim.user(.post, endpoint, key: actor, json: #"{"fingerprint":"\#(key2.fingerprint)"}"#).status == 204
            #expect(check3)
            #expect(sim.state { $0.sshKeys[key2.id] } != nil)
        }
    }

    @Test func testInvalidOrPrivateKeyIsRejected() async throws {
        try await withSim { sim in
            let user = sim.createUser()
            let actor = sim.actingAs(user)
            let invalid = try await sim.user(.post, "/account/ssh-keys", key: actor, json: #"{"name":"Name","public_key":"invalid"}"#)
            #expect(invalid.status == 422)
            #expect(invalid.errorDetail == "The public key provided is not valid.")
            #expect(sim.state { state in state.sshKeys.values.filter { $0.userId == user.id }.count } == 0)
            // An Ed25519 private key in PKCS8 (made with `openssl genpkey -algorithm ed25519`, as EC::createKey does).
            let privateKey = #"-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAopDSD1Jda5cyteaPwVlKbYUAPAzJdZUf3pn4gczNRx\n-----END PRIVATE KEY-----"#
            let rejected = try await sim.user(.post, "/account/ssh-keys", key: actor, json: #"{"name":"Name","public_key":"\#(privateKey)"}"#)
            #expect(rejected.status == 422)
            #expect(rejected.errorDetail == "The public key provided is not valid.")
        }
    }
}
