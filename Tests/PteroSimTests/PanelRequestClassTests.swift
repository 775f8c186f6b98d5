import Testing
@testable import PteroSim

/// The 422 entry for one field: its message and `meta.rule`, as the panel reports them.
private func failure(_ result: SimResult, _ field: String) -> (detail: String?, rule: String?) {
    let entry = result.errors.first { $0["meta"]?["source_field"]?.stringValue == field }
    return (entry?["detail"]?.stringValue, entry?["meta"]?["rule"]?.stringValue)
}

/// The panel's request classes (app/Http/Requests/Api/** at v1.11.8), held to their rules,
/// `attributes()` renames and resources/lang/en/validation.php texts. See PANEL-REQUESTS.md.
@Suite struct PanelRequestClassTests {
    static let tooLong = String(repeating: "x", count: 192)

    @Test func locationRequestsNameFieldsAsTheirAttributes() async throws {
        try await withSim { sim in
            let missing = try await sim.app(.post, "/locations", json: "{\"long\":\"\(Self.tooLong)\"}")
            #expect(failure(missing, "short") == ("The Location Identifier field is required.", "required"))
            #expect(failure(missing, "long") == ("The Location Description must be between 1 and 191 characters.", "between"))
            let patch = try await sim.app(.patch, "/locations/1", json: #"{"long":"x"}"#)
            #expect(failure(patch, "short") == ("The Location Identifier field is required.", "required"))
        }
    }

    @Test func nodeRequestNamesFieldsAsItsAttributes() async throws {
        try await withSim { sim in
            let body = #"{"public":"maybe","location_id":999,"daemon_base":"relative","upload_size":2000}"#
            let result = try await sim.app(.post, "/nodes", json: body)
            #expect(failure(result, "public") == ("The Node Visibility field must be true or false.", "boolean"))
            #expect(failure(result, "location_id") == ("The selected Location is invalid.", "exists"))
            #expect(failure(result, "daemon_base") == ("The Daemon Base Path format is invalid.", "regex"))
            #expect(failure(result, "upload_size") == ("The File Upload Size Limit must be between 1 and 1024.", "between"))
        }
    }

    @Test func userRequestNamesExternalIdAndRootAdmin() async throws {
        try await withSim { sim in
            let body = "{\"external_id\":\"\(Self.tooLong)\",\"root_admin\":\"maybe\"}"
            let result = try await sim.app(.post, "/users", json: body)
            #expect(failure(result, "external_id") == ("The Third Party Identifier may not be greater than 191 characters.", "max"))
            #expect(failure(result, "root_admin") == ("The Root Administrator Status field must be true or false.", "boolean"))
            // `name_first` is renamed in attributes(), but the field validated is `first_name`.
            #expect(failure(result, "first_name") == ("The first name field is required.", "required"))
        }
    }

    @Test func serverNameIsMinAndMaxNotBetween() async throws {
        try await withSim { sim in
            let details = try await sim.app(.patch, "/servers/5/details", json: "{\"name\":\"\(Self.tooLong)\",\"user\":999}")
            #expect(failure(details, "name") == ("The Server Name may not be greater than 191 characters.", "max"))
            #expect(failure(details, "user") == ("The selected User ID is invalid.", "exists"))
            let created = try await sim.app(.post, "/servers", json: "{\"name\":\"\(Self.tooLong)\"}")
            #expect(failure(created, "name") == ("The name may not be greater than 191 characters.", "max"))
            let (server, key) = sim.ownedServer()
            let renamed = try await sim.user(.post, "/servers/\(server.identifier)/settings/rename", key: key,
                                             json: "{\"name\":\"\(Self.tooLong)\"}")
            #expect(failure(renamed, "name") == ("The name may not be greater than 191 characters.", "max"))
        }
    }

    @Test func serverDatabaseRequestsUseMinAndMax() async throws {
        try await withSim { sim in
            let body = "{\"database\":\"\(String(repeating: "d", count: 49))\",\"remote\":\"any!\",\"host\":999}"
            let result = try await sim.app(.post, "/servers/5/databases", json: body)
            #expect(failure(result, "database") == ("The Database Name may not be greater than 48 characters.", "max"))
            #expect(failure(result, "remote") == ("The Remote Connection String format is invalid.", "regex"))
            #expect(failure(result, "host") == ("The selected Database Host Server ID is invalid.", "exists"))
            let (server, key) = sim.ownedServer()
            let client = try await sim.user(.post, "/servers/\(server.identifier)/databases", key: key,
                                            json: #"{"database":"ab","remote":"%"}"#)
            #expect(failure(client, "database") == ("The database must be at least 3 characters.", "min"))
        }
    }

    @Test func buildRequestNamesLimitsAndAllocations() async throws {
        try await withSim { sim in
            let body = #"{"feature_limits":{"databases":"x","allocations":"x","backups":"x"},"add_allocations":["x"],"remove_allocations":"x"}"#
            let result = try await sim.app(.patch, "/servers/5/build", json: body)
            #expect(failure(result, "feature_limits.databases") == ("The Database Limit must be an integer.", "integer"))
            #expect(failure(result, "feature_limits.allocations") == ("The Allocation Limit must be an integer.", "integer"))
            #expect(failure(result, "feature_limits.backups") == ("The Backup Limit must be an integer.", "integer"))
            #expect(failure(result, "add_allocations.0") == ("The allocation to add must be an integer.", "integer"))
            #expect(failure(result, "remove_allocations") == ("The allocations to remove must be an array.", "array"))
        }
    }

    @Test func startupVariableIsValidatedAsValue() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer { $0.eggId == 1 }
            let result = try await sim.user(.put, "/servers/\(server.identifier)/startup/variable", key: key,
                                            json: #"{"key":"SERVER_JARFILE","value":"x.zip"}"#)
            #expect(failure(result, "value") == ("The value format is invalid.", "regex"))
        }
    }

    @Test func filledReadsAsRequired() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer()
            let result = try await sim.user(.post, "/servers/\(server.identifier)/schedules", key: key, json: #"{"is_active":null}"#)
            #expect(failure(result, "is_active") == ("The is active field is required.", "filled"))
            // StoreScheduleRequest declares name, is_active, then the cron fields: 422 entries keep that order.
            #expect(result.errors.compactMap { $0["meta"]?["source_field"]?.stringValue }
                == ["name", "is_active", "minute", "hour", "day_of_month", "day_of_week"])
        }
    }

    @Test func buildLimitsAreRequiredWithOrWithoutLimits() async throws {
        try await withSim { sim in
            let allocation = sim.state { $0.servers[5]!.allocationId }
            let nested = try await sim.app(.patch, "/servers/5/build", json: "{\"allocation\":\(allocation),\"limits\":{\"swap\":0},\"feature_limits\":{}}")
            #expect(failure(nested, "limits.memory") == ("The limits.memory field is required when limits is present.", "required_with"))
            #expect(failure(nested, "memory") == (nil, nil))
            let legacy = try await sim.app(.patch, "/servers/5/build", json: "{\"allocation\":\(allocation),\"swap\":0,\"feature_limits\":{}}")
            #expect(failure(legacy, "memory") == ("The memory field is required when limits is not present.", "required_without"))
            // Both sets are checked: a legacy key beside `limits` is still validated.
            let both = try await sim.app(.patch, "/servers/5/build",
                                         json: "{\"allocation\":\(allocation),\"limits\":{\"memory\":1,\"swap\":0,\"io\":500,\"cpu\":0,\"disk\":1},\"memory\":\"x\",\"feature_limits\":{}}")
            #expect(failure(both, "memory") == ("The memory must be a number.", "numeric"))
        }
    }

    @Test func buildAllocationIsUniqueThenExistsWithoutInteger() async throws {
        try await withSim { sim in
            let other = sim.state { state in state.sortedValues(state.servers).first { $0.id != 5 }!.allocationId }
            let taken = try await sim.app(.patch, "/servers/5/build", json: "{\"allocation\":\(other)}")
            #expect(failure(taken, "allocation") == ("The allocation has already been taken.", "unique"))
            let text = try await sim.app(.patch, "/servers/5/build", json: #"{"allocation":"x"}"#)
            #expect(failure(text, "allocation") == ("The selected allocation is invalid.", "exists"))
        }
    }

    @Test func eggIsCheckedByExistsOnly() async throws {
        try await withSim { sim in
            let startup = try await sim.app(.patch, "/servers/5/startup", json: #"{"egg":"x","image":"~img"}"#)
            #expect(failure(startup, "egg") == ("The selected egg is invalid.", "exists"))
            #expect(failure(startup, "image") == ("The image format is invalid.", "regex"))
            let created = try await sim.app(.post, "/servers", json: #"{"egg":"x"}"#)
            #expect(failure(created, "egg") == ("The selected egg is invalid.", "exists"))
        }
    }

    @Test func createServerLimitsComeInTheRequestsOrder() async throws {
        try await withSim { sim in
            let result = try await sim.app(.post, "/servers", json: #"{"limits":{"threads":"!"}}"#)
            let fields = result.errors.compactMap { $0["meta"]?["source_field"]?.stringValue }.filter { $0.hasPrefix("limits.") }
            #expect(fields == ["limits.memory", "limits.swap", "limits.disk", "limits.io", "limits.threads", "limits.cpu"])
        }
    }

    @Test func taskTimeOffsetIsMinAndMax() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer()
            let schedule = sim.state { state in state.sortedValues(state.schedules).first { $0.serverId == server.id } }
            let scheduleId: Int
            if let schedule {
                scheduleId = schedule.id
            } else {
                let made = try await sim.user(.post, "/servers/\(server.identifier)/schedules", key: key,
                                              json: #"{"name":"n","minute":"*","hour":"*","day_of_month":"*","month":"*","day_of_week":"*"}"#)
                scheduleId = made.attributes["id"]!.intValue!
            }
            let result = try await sim.user(.post, "/servers/\(server.identifier)/schedules/\(scheduleId)/tasks", key: key,
                                            json: #"{"action":"command","payload":"say","time_offset":901}"#)
            #expect(failure(result, "time_offset") == ("The time offset may not be greater than 900.", "max"))
        }
    }

    @Test func clientRequestsKeepTheirRuleOrder() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer()
            let backup = try await sim.user(.post, "/servers/\(server.identifier)/backups", key: key, json: #"{"ignored":5,"is_locked":"x"}"#)
            #expect(backup.errors.compactMap { $0["meta"]?["source_field"]?.stringValue } == ["is_locked", "ignored"])
            let password = try await sim.user(.put, "/account/password", key: sim.key(ofUser: 6),
                                              json: #"{"current_password":"password","password":"short","password_confirmation":"other"}"#)
            #expect(password.errors.compactMap { $0["meta"]?["rule"]?.stringValue } == ["confirmed", "min"])
        }
    }

    @Test func subuserUpdateRequiresPermissions() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer()
            let base = "/servers/\(server.identifier)/users"
            let created = try await sim.user(.post, base, key: key, json: #"{"email":"helper@newdomain.com","permissions":["control.start"]}"#)
            let uuid = created.attributes["uuid"]?.stringValue ?? ""
            let emptied = try await sim.user(.post, base + "/\(uuid)", key: key, json: #"{"permissions":[]}"#)
            #expect(failure(emptied, "permissions") == ("The permissions field is required.", "required"))
        }
    }

    @Test func dockerImageIsCheckedByFormatBeforeTheEggsList() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer { $0.eggId == 1 }
            let result = try await sim.user(.put, "/servers/\(server.identifier)/settings/docker-image", key: key,
                                            json: #"{"docker_image":"evil!image"}"#)
            #expect(failure(result, "docker_image") == ("The docker image format is invalid.", "regex"))
            #expect(result.errors.compactMap { $0["meta"]?["rule"]?.stringValue } == ["regex", "in"])
        }
    }

    @Test func taskSequenceAndContinueAreRequiredWhenSent() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer()
            let made = try await sim.user(.post, "/servers/\(server.identifier)/schedules", key: key,
                                          json: #"{"name":"n","minute":"*","hour":"*","day_of_month":"*","month":"*","day_of_week":"*"}"#)
            let scheduleId = made.attributes["id"]?.intValue ?? 0
            let result = try await sim.user(.post, "/servers/\(server.identifier)/schedules/\(scheduleId)/tasks", key: key,
                                            json: #"{"action":"backup","time_offset":0,"sequence_id":null,"continue_on_failure":null}"#)
            #expect(failure(result, "sequence_id") == ("The sequence id field is required.", "required"))
            #expect(failure(result, "continue_on_failure") == ("The continue on failure field is required.", "required"))
        }
    }

    @Test func apiKeyAllowedIpsMayBeNull() async throws {
        try await withSim { sim in
            let result = try await sim.user(.post, "/account/api-keys", json: #"{"description":"ci","allowed_ips":null}"#)
            #expect(result.status == 200)
        }
    }

    @Test func renameChecksToBeforeFrom() async throws {
        try await withSim { sim in
            let (server, key) = sim.ownedServer()
            let result = try await sim.user(.put, "/servers/\(server.identifier)/files/rename", key: key,
                                            json: #"{"root":"/","files":[{}]}"#)
            #expect(result.errors.compactMap { $0["meta"]?["source_field"]?.stringValue } == ["files.0.to", "files.0.from"])
        }
    }
}
