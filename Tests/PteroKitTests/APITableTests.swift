import Foundation
import PteroKit
import Testing

/// The one table of the panel's API (`APITable`) against the reference
/// table (`Tests/Fixtures/pterodactyl-endpoints.tsv`, a digest of the
/// panel's route files) and against itself.
struct APITableTests {
    static let table = APITable.pterodactyl1

    @Test func theTableMatchesTheReferenceRowForRow() {
        let rows = Self.table.endpoints.map { "\($0.method.rawValue) \($0.path)" }
        #expect(rows.count == 111)
        #expect(rows == ReferenceEndpoints.rows)
    }

    @Test func answersAreTheReferenceTablesOwn() throws {
        let reference = try Self.referenceColumns()
        for (endpoint, columns) in zip(Self.table.endpoints, reference) {
            #expect(endpoint.answer.notation == columns[4], "\(endpoint.route)")
            #expect(endpoint.api.rawValue == columns[0], "\(endpoint.route)")
        }
    }

    @Test(arguments: PanelDialect.allCases) func idsAndSwiftNamesAreUniqueAndSidesMatchPaths(dialect: PanelDialect) {
        let table = dialect.table
        let ids = table.endpoints.map(\.id), names = table.endpoints.map(\.swiftName)
        #expect(Set(ids).count == ids.count)
        #expect(Set(names).count == names.count)
        for endpoint in table.endpoints {
            #expect(endpoint.path.hasPrefix(endpoint.api == .client ? "/api/client" : "/api/application/"), "\(endpoint.path)")
        }
    }

    @Test func answersParse() {
        let suspend = Self.table.endpoint("servers.suspend")!.answer
        #expect(suspend.isEmpty && suspend.status == 204 && suspend.object == nil)
        let list = Self.table.endpoint("servers.list")!.answer
        #expect(list.isList && list.isPaginated && list.object == "server" && list.status == 200)
        let create = Self.table.endpoint("users.create")!.answer
        #expect(!create.isList && create.object == "user" && create.status == 201)
        let execute = Self.table.endpoint("server.schedules.execute")!.answer
        #expect(execute.isEmpty && execute.status == 202)
        #expect(Self.table.endpoint("server.files.contents")!.answer.object == nil)
        #expect(Self.table.endpoint("server.startup.view")!.answer.object == "egg_variable")
        for endpoint in Self.table.endpoints where !endpoint.answer.isEmpty && !endpoint.answer.notation.hasPrefix("raw:") {
            #expect(endpoint.answer.object?.isEmpty == false, "\(endpoint.route): \(endpoint.answer.notation)")
        }
    }

    /// What the language offers is a write (a method) or a GET (a
    /// collection) whose answer is a list of the right kind.
    @Test(arguments: PanelDialect.allCases) func offersAreOfTheRightShape(dialect: PanelDialect) {
        let table = dialect.table
        for endpoint in table.endpoints {
            if !endpoint.answer.isEmpty && !endpoint.answer.notation.hasPrefix("raw:") {
                #expect(endpoint.answer.object?.isEmpty == false, "\(endpoint.route): \(endpoint.answer.notation)")
            }
            switch endpoint.offer {
            case .method(_, _, _)?:
                #expect(endpoint.method != .get, "\(endpoint.route) is offered as a method but reads")
            case .collection(let name)?:
                #expect(endpoint.method == .get && endpoint.answer.isList, "\(endpoint.route) is offered as \(name)")
            case .create(let name)?:
                #expect(endpoint.method == .post && !table.collections(name).isEmpty, "\(endpoint.route) creates in \(name)")
            case nil:
                continue
            }
            for name in endpoint.required {
                #expect(endpoint.labels.contains(name), "\(endpoint.route) requires \(name), which its body lacks")
            }
            for name in endpoint.defaults.keys {
                #expect(endpoint.labels.contains(name), "\(endpoint.route) defaults \(name), which its body lacks")
            }
        }
    }

    /// One field name means one thing: `memory` is MiB in every body of
    /// every dialect (the integer checks read them all together).
    @Test func aFieldNameHasOneTypeAcrossTheTables() {
        var seen = [String: FieldType]()
        for endpoint in PanelDialect.allCases.flatMap(\.table.endpoints) {
            for label in endpoint.labels {
                guard let field = endpoint.field(label) else { continue }
                if case .map = field.type { continue }
                if let earlier = seen[label] {
                    #expect(earlier == field.type, "\(label) in \(endpoint.route)")
                } else {
                    seen[label] = field.type
                }
            }
        }
        #expect(seen["memory"] == .whole("a whole number of MiB"))
    }

    @Test func buildFlattensItsNestedLimits() {
        let build = Self.table.methods("build", of: "server")
        #expect(build.map(\.route) == ["PATCH /api/application/servers/{server}/build"])
        #expect(build.first?.labels == ["memory", "swap", "disk", "io", "cpu", "threads", "oom_disabled", "allocation",
                                        "databases", "allocations", "backups", "add_allocations", "remove_allocations"])
        #expect(build.first?.field("oom_disabled")?.readFrom == "limits.oom_disabled")
        #expect(Self.table.methods("delete", of: "server").map(\.path)
                == ["/api/application/servers/{server}", "/api/application/servers/{server}/force"])
    }

    /// Each row of the reference table, split at its tabs.
    static func referenceColumns() throws -> [[String]] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/pterodactyl-endpoints.tsv")
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
    }

    /// Pterodactyl 0.7's table has exactly the routes of v0.7.19's route files.
    @Test func theOldPanelsTableHasItsRouteFilesRoutes() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/pterodactyl-0.7-routes.tsv")
        let expected = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { line in
            let columns = line.split(separator: "\t")
            return "\(columns[0]) \(columns[1]) \(columns[2])"
        }
        let table = APITable.pterodactyl07
        let rows = table.endpoints.map { "\($0.api.rawValue) \($0.method.rawValue) \($0.path)" }
        #expect(expected.count == 46)
        #expect(Set(rows) == Set(expected), "only in the table: \(Set(rows).subtracting(expected).sorted()); missing: \(Set(expected).subtracting(rows).sorted())")
        #expect(rows.count == expected.count)
        #expect(Set(table.endpoints.map(\.id)).count == table.endpoints.count)
        #expect(table.endpoints.allSatisfy { $0.filters.isEmpty && $0.exactFilters.isEmpty }, "0.7 has ?search=, not filter[...]")
        #expect(table.methods("rebuild", of: "server").count == 1 && APITable.pterodactyl1.methods("rebuild", of: "server").isEmpty)
        #expect(table.endpoint("nodes.deployable") == nil && table.endpoint("server.resources") == nil)
    }

    /// Pelican's table has exactly the routes of its route files
    /// (`Tests/Fixtures/pelican-routes.tsv`, read off pelican-dev/panel
    /// 235c8fb's routes/api-application.php and api-client.php: 76 and 69;
    /// the optional `{force?}` is the table's literal `force`).
    @Test func pelicansTableHasItsRouteFilesRoutes() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/pelican-routes.tsv")
        let expected = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { line in
            line.split(separator: "\t").joined(separator: " ").replacingOccurrences(of: "{force}", with: "force")
        }
        let table = APITable.pelican
        let rows = table.endpoints.map { "\($0.api.rawValue) \($0.method.rawValue) \($0.path)" }
        #expect(expected.count == 145)
        #expect(Set(rows) == Set(expected), "only in the table: \(Set(rows).subtracting(expected).sorted()); missing: \(Set(expected).subtracting(rows).sorted())")
        #expect(rows.count == expected.count)
        #expect(table.collections("locations").isEmpty && table.collections("nests").isEmpty)
        #expect(table.collections("eggs").first?.path == "/api/application/eggs")
        #expect(table.endpoint("users.update")?.labels.contains("first_name") == false)
        #expect(table.endpoint("servers.list")?.filters.contains("uuid_short") == true)
        #expect(table.methods("transfer", of: "server").first?.required == ["node_id", "allocation_id"])
    }
}
