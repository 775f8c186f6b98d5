import Foundation
import PteroKit
@testable import PteroSim
import Testing

/// The client API's root and the caller's account.
struct ClientAccountEndpointTests {
    @Test func serversAndPermissionsAreListed() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let all = try await client.clientServers(ListQuery(include: ["egg"], perPage: 7), type: .adminAll).collect()
            #expect(all.count == 30 && Set(all.map(\.identifier)).count == 30)
            #expect(all.allSatisfy { $0.relationships?.egg?.value != nil && $0.relationships?.allocations?.items != nil })
            let owned = try await client.clientServers(type: .owner).collect()
            #expect(owned.allSatisfy { $0.serverOwner })
            let found = try await client.clientServers(ListQuery(filters: ["*": fixture.identifier]), type: .adminAll).collect()
            #expect(found.map(\.identifier) == [fixture.identifier])

            let permissions = try await client.systemPermissions()
            #expect(permissions.permissions["control"]?.keys.keys.sorted() == ["console", "restart", "start", "stop"])
        }
    }

    @Test func theAccountCanChangeEmailPasswordAndTwoFactor() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let account = try await client.account()
            #expect(account.id == 1 && account.admin && account.email == "admin@example.com")

            try await client.updateEmail("root@example.com", password: "password")
            #expect(try await client.account().email == "root@example.com")
            try await client.updatePassword(current: "password", new: "correct horse battery")
            do {
                try await client.updateEmail("again@example.com", password: "password")
                Issue.record("the old password still worked")
            } catch let error as PteroKit.PanelError {
                #expect(error.status == 400)
            }

            let setup = try await client.twoFactorSetup()
            #expect(setup.imageURLData.hasPrefix("otpauth://totp/") && setup.secret.count == 32)
            let code = TOTP.code(secret: setup.secret, at: Int(Date().timeIntervalSince1970))  // the sim runs on the system clock here
            let tokens = try await client.enableTwoFactor(code: code, password: "correct horse battery")
            #expect(tokens.tokens.count == 10)
            try await client.disableTwoFactor(password: "correct horse battery")
            #expect(try await client.twoFactorSetup().secret.count == 32)

            let activity = try await client.accountActivity(ListQuery(include: ["actor"], sort: ["-timestamp"])).collect()
            #expect(!activity.isEmpty)
            #expect(activity.map(\.timestamp) == activity.map(\.timestamp).sorted(by: >))
        }
    }

    @Test func apiKeysAndSSHKeysCanBeAddedAndRemoved() async throws {
        try await SimFixture.run { fixture in
            let client = fixture.client
            let before = try await client.apiKeys()
            let created = try await client.createApiKey(description: "from a test", allowedIps: ["10.0.0.0/8"])
            #expect(created.token.count == 48 && created.token.hasPrefix("ptlc_") && created.key.allowedIps == ["10.0.0.0/8"])
            #expect(try await client.apiKeys().count == before.count + 1)
            try await client.deleteApiKey(identifier: created.key.identifier)
            #expect(try await client.apiKeys().map(\.identifier) == before.map(\.identifier))

            let publicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test@host"
            let key = try await client.createSSHKey(name: "laptop", publicKey: publicKey)
            #expect(key.name == "laptop" && key.fingerprint.hasPrefix("SHA256:"))
            #expect(try await client.sshKeys().map(\.fingerprint) == [key.fingerprint])
            try await client.deleteSSHKey(fingerprint: key.fingerprint)
            #expect(try await client.sshKeys().isEmpty)
        }
    }
}
