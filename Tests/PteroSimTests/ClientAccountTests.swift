import Testing
@testable import PteroSim

@Suite struct ClientAccountTests {
    @Test func serverListScopesByType() async throws {
        try await withSim { sim in
            let owner = sim.state { $0.servers[1]!.ownerId }
            let mine = try await sim.user(.get, "", key: sim.key(ofUser: owner))
            #expect(mine.status == 200)
            #expect(mine.data.allSatisfy { $0["object"]?.stringValue == "server" })
            let owned = try await sim.user(.get, "?type=owner", key: sim.key(ofUser: owner))
            #expect(owned.data.allSatisfy { $0["attributes"]?["server_owner"]?.boolValue == true })
            let notAdmin = try await sim.user(.get, "?type=admin-all", key: sim.key(ofUser: owner))
            #expect(notAdmin.data.isEmpty)
            let all = try await sim.user(.get, "?type=admin-all&per_page=500")
            #expect(all.json["meta"]?["pagination"]?["per_page"]?.intValue == 100)
            #expect(all.json["meta"]?["pagination"]?["total"]?.intValue == 60)
            let next = try await sim.user(.get, "?type=admin-all&per_page=10&filter[name]=a")
            #expect(next.json["meta"]?["pagination"]?["links"]?["next"]?.stringValue?.contains("type=admin-all&per_page=10&filter%5Bname%5D=a&page=2") == true
                || next.json["meta"]?["pagination"]?["links"]?["next"]?.stringValue?.contains("filter[name]=a") == true
                || next.json["meta"]?["pagination"]?["total_pages"]?.intValue == 1)
            let bad = try await sim.user(.get, "?filter[node]=1")
            #expect(bad.status == 400)
        }
    }

    @Test func serverListHasDefaultRelationshipsAndSearch() async throws {
        try await withSim { sim in
            let server = sim.state { $0.servers[4]! }
            let port = sim.state { $0.allocations[server.allocationId]!.port }
            let byPort = try await sim.user(.get, "?type=admin-all&filter[*]=:\(port)&per_page=100")
            #expect(byPort.data.contains { $0["attributes"]?["internal_id"]?.intValue == 4 })
            let byId = try await sim.user(.get, "?type=admin-all&filter[*]=\(server.identifier)&include=egg")
            let item = byId.data.first?["attributes"]
            #expect(item?["identifier"]?.stringValue == server.identifier)
            #expect(keys(item?["relationships"]) == ["allocations", "variables", "egg"])
        }
    }

    @Test func permissionsCatalogue() async throws {
        try await withSim { sim in
            let result = try await sim.user(.get, "/permissions")
            #expect(result.json["object"]?.stringValue == "system_permissions")
            #expect(keys(result.attributes["permissions"]?["control"]?["keys"]) == ["console", "start", "stop", "restart"])
        }
    }

    @Test func accountAndEmailAndPassword() async throws {
        try await withSim { sim in
            let key = sim.key(ofUser: 6)
            let account = try await sim.user(.get, "/account", key: key)
            #expect(keys(account.attributes) == ["id", "admin", "username", "email", "first_name", "last_name", "language"])
            let wrong = try await sim.user(.put, "/account/email", key: key, json: #"{"email":"x@example.com","password":"nope"}"#)
            #expect(wrong.status == 400)
            #expect(wrong.errorCode == "InvalidPasswordProvidedException")
            let invalid = try await sim.user(.put, "/account/email", key: key, json: #"{"email":"bad","password":"password"}"#)
            #expect(invalid.errorDetail == "The email must be a valid email address.")
            let check1 = try await sim.user(.put, "/account/email", key: key, json: #"{"email":"moved@example.com","password":"password"}"#).status == 204
            #expect(check1)
            let mismatch = try await sim.user(.put, "/account/password", key: key, json: #"{"current_password":"password","password":"longenough","password_confirmation":"other"}"#)
            #expect(mismatch.errorDetail == "The password confirmation does not match.")
            let check2 = try await sim.user(.put, "/account/password", key: key, json: #"{"current_password":"password","password":"longenough","password_confirmation":"longenough"}"#).status == 204
            #expect(check2)
            let activity = try await sim.user(.get, "/account/activity?include=actor&filter[event]=email", key: key)
            #expect(activity.data.first?["attributes"]?["event"]?.stringValue == "user:account.email-changed")
            #expect(activity.data.first?["attributes"]?["relationships"]?["actor"]?["object"]?.stringValue == "user")
            #expect(activity.json["meta"]?["pagination"]?["per_page"]?.intValue == 25)
            let check3 = try await sim.user(.get, "/account/activity?sort=event", key: key).status == 400
            #expect(check3)
        }
    }

    @Test func twoFactorWithRealCodes() async throws {
        try await withSim { sim in
            let key = sim.key(ofUser: 7)
            let setup = try await sim.user(.get, "/account/two-factor", key: key)
            let secret = setup.json["data"]?["secret"]?.stringValue ?? ""
            #expect(secret.count == 32)
            #expect(setup.json["data"]?["image_url_data"]?.stringValue?.hasPrefix("otpauth://totp/") == true)
            let missing = try await sim.user(.post, "/account/two-factor", key: key, json: "{}")
            #expect(missing.errors.count == 2)
            let badCode = try await sim.user(.post, "/account/two-factor", key: key, json: #"{"code":"000000","password":"password"}"#)
            #expect(badCode.errorCode == "TwoFactorAuthenticationTokenInvalid" || TOTP.verify("000000", secret: secret, now: Int(sim.panel.store.options.clock.now())))
            let code = TOTP.code(secret: secret, at: Int(sim.panel.store.options.clock.now()))
            let enabled = try await sim.user(.post, "/account/two-factor", key: key, json: #"{"code":"\#(code)","password":"password"}"#)
            #expect(enabled.json["object"]?.stringValue == "recovery_tokens")
            #expect(enabled.attributes["tokens"]?.arrayValue?.count == 10)
            let check4 = try await sim.user(.get, "/account/two-factor", key: key).errorDetail == "Two-factor authentication is already enabled on this account."
            #expect(check4)
            let check5 = try await sim.user(.post, "/account/two-factor/disable", key: key, json: #"{"password":"x"}"#).errorDetail == "The password provided was not valid."
            #expect(check5)
            let check6 = try await sim.user(.post, "/account/two-factor/disable", key: key, json: #"{"password":"password"}"#).status == 204
            #expect(check6)
        }
    }

    @Test func apiKeysLifecycle() async throws {
        try await withSim { sim in
            let key = sim.key(ofUser: 8)
            let created = try await sim.user(.post, "/account/api-keys", key: key, json: #"{"description":"ci","allowed_ips":["127.0.0.1","10.1.0.0/16"]}"#)
            #expect(created.status == 200)
            let identifier = created.attributes["identifier"]?.stringValue ?? ""
            let secret = created.json["meta"]?["secret_token"]?.stringValue ?? ""
            #expect(identifier.count == 16 && identifier.hasPrefix("ptlc_") && secret.count == 32)
            let check7 = try await sim.user(.get, "/account", key: identifier + secret).status == 200
            #expect(check7)
            let fenced = try await sim.user(.post, "/account/api-keys", key: key, json: #"{"description":"remote only","allowed_ips":["10.0.0.0/8"]}"#)
            let fencedKey = (fenced.attributes["identifier"]?.stringValue ?? "") + (fenced.json["meta"]?["secret_token"]?.stringValue ?? "")
            let refusedIP = try await sim.user(.get, "/account", key: fencedKey)
            #expect(refusedIP.status == 403)
            #expect(refusedIP.errorDetail == "This IP address (127.0.0.1) does not have permission to access the API using these credentials.")
            let badIP = try await sim.user(.post, "/account/api-keys", key: key, json: #"{"description":"x","allowed_ips":["1.2.3.4","nope"]}"#)
            #expect(badIP.errorDetail == "\"nope\" is not a valid IP address or CIDR range.")
            #expect(badIP.firstError["meta"]?["source_field"]?.stringValue == "allowed_ips.1")
            #expect(badIP.firstError["meta"]?["rule"] == .null)
            let noDescription = try await sim.user(.post, "/account/api-keys", key: key, json: "{}")
            #expect(noDescription.errorDetail == "The description field is required.")
            let check8 = try await sim.user(.get, "/account/api-keys", key: key).data.count == 3
            #expect(check8)
            let check9 = try await sim.user(.delete, "/account/api-keys/\(identifier)", key: key).status == 204
            #expect(check9)
            let check10 = try await sim.user(.delete, "/account/api-keys/\(identifier)", key: key).status == 404
            #expect(check10)
        }
    }

    @Test func sshKeysLifecycle() async throws {
        try await withSim { sim in
            let key = sim.key(ofUser: 9)
            let publicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test@host"
            let created = try await sim.user(.post, "/account/ssh-keys", key: key, json: #"{"name":"laptop","public_key":"\#(publicKey)"}"#)
            #expect(created.json["object"]?.stringValue == "ssh_key")
            let fingerprint = created.attributes["fingerprint"]?.stringValue ?? ""
            #expect(fingerprint.hasPrefix("SHA256:"))
            let duplicate = try await sim.user(.post, "/account/ssh-keys", key: key, json: #"{"name":"again","public_key":"\#(publicKey)"}"#)
            #expect(duplicate.errorDetail == "The public key provided already exists on your account.")
            // Stored and answered as phpseclib's PKCS8 (StoreSSHKeyRequest::getPublicKey).
            #expect(created.attributes["public_key"]?.stringValue?.hasPrefix("-----BEGIN PUBLIC KEY-----\r\nMCowBQYDK2VwAyEA") == true)
            let cut = try await sim.user(.post, "/account/ssh-keys", key: key, json: #"{"name":"old","public_key":"ssh-dss AAAAB3NzaC1kc3M="}"#)
            #expect(cut.errorDetail == "The public key provided is not valid.")
            let dsaKey = SSHPublicKeyTests.vectors.first { $0.name == "kdsa" }?.openSSH ?? ""
            let dsa = try await sim.user(.post, "/account/ssh-keys", key: key, json: #"{"name":"old","public_key":"\#(dsaKey)"}"#)
            #expect(dsa.errorDetail == "DSA keys are not supported.")
            let shortKey = SSHPublicKeyTests.vectors.first { $0.name == "krsab1024" }?.openSSH ?? ""
            let short = try await sim.user(.post, "/account/ssh-keys", key: key, json: #"{"name":"old","public_key":"\#(shortKey)"}"#)
            #expect(short.errorDetail == "RSA keys must be at least 2048 bytes in length.")
            let check11 = try await sim.user(.get, "/account/ssh-keys", key: key).data.count == 1
            #expect(check11)
            let check12 = try await sim.user(.post, "/account/ssh-keys/remove", key: key, json: #"{"fingerprint":"\#(fingerprint)"}"#).status == 204
            #expect(check12)
            let check13 = try await sim.user(.get, "/account/ssh-keys", key: key).data.isEmpty
            #expect(check13)
            let check14 = try await sim.user(.post, "/account/ssh-keys/remove", key: key, json: "{}").status == 422
            #expect(check14)
        }
    }
}
