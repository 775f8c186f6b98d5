import Foundation
import PteroKit
@testable import PteroSim
import Testing

/// The panel's refusals reach the caller as `PanelError`s with the detail.
struct EndpointFailureTests {
    @Test func anUnknownIdIsNotFound() async throws {
        try await SimFixture.run { fixture in
            await #expect { try await fixture.client.server(id: 987_654) } throws: { error in
                (error as? PteroKit.PanelError)?.status == 404
            }
            await #expect { try await fixture.client.backup(server: fixture.identifier, uuid: UUID().uuidString.lowercased()) } throws: { error in
                (error as? PteroKit.PanelError)?.status == 404
            }
        }
    }

    @Test func anInvalidBodyNamesEveryField() async throws {
        try await SimFixture.run { fixture in
            do {
                _ = try await fixture.client.createNode(NodeDetails(
                    name: "bad name!", locationId: 999, fqdn: "x", scheme: "https", memory: 0, memoryOverallocate: 0,
                    disk: 1, diskOverallocate: 0, daemonListen: 70_000, daemonSftp: 22))
                Issue.record("an invalid node was created")
            } catch let error as PteroKit.PanelError {
                #expect(error.status == 422)
                let fields = Set(error.fieldErrors.compactMap(\.sourceField))
                #expect(fields.isSuperset(of: ["name", "location_id", "memory", "daemon_listen"]), "\(fields)")
            }
        }
    }

    @Test func aSuspendedServerConflictsOnTheClientAPI() async throws {
        try await SimFixture.run { fixture in
            try await fixture.client.suspendServer(id: fixture.serverId)
            await #expect { try await fixture.client.listFiles(server: fixture.identifier) } throws: { error in
                guard let error = error as? PteroKit.PanelError else { return false }
                return error.status == 409
                    && error.details.first?.detail.contains("suspended") == true
            }
            // The server view is allowed in every state.
            #expect(try await fixture.client.clientServer(fixture.identifier).server.isSuspended)
        }
    }

    @Test func aNonAdminIsForbiddenOnTheApplicationAPIAndCannotSeeOthersServers() async throws {
        try await SimFixture.run { fixture in
            let owner = try await fixture.client.server(id: fixture.serverId).user
            let stranger = owner == 5 ? 6 : 5
            let key = fixture.sim.panel.store.withState { state in
                state.sortedValues(state.apiKeys).first { $0.userId == stranger && $0.kind == .client }!.token
            }
            let client = try fixture.sim.client(settings: fixture.sim.settings(applicationKey: key, clientKey: key))
            await #expect { try await client.listUsers().first() } throws: { error in
                guard let error = error as? PteroKit.PanelError else { return false }
                return error.status == 403 && error.details.first?.code == "AccessDeniedHttpException"
            }
            await #expect { try await client.listFiles(server: fixture.identifier) } throws: { error in
                (error as? PteroKit.PanelError)?.status == 404
            }
            #expect(try await client.account().id == stranger)
            try await client.executor.transport.shutdown()
        }
    }

    @Test func aBusinessRuleFailureKeepsThePanelsCode() async throws {
        try await SimFixture.run { fixture in
            await #expect { try await fixture.client.deleteNode(id: 1) } throws: { error in
                guard let error = error as? PteroKit.PanelError else { return false }
                return error.status == 400 && error.details.first?.code == "HasActiveServersException"
            }
        }
    }
}
