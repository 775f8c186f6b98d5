import Foundation
import PteroKit
import Testing

/// The Fractal envelopes, decoded from the shapes the panel sends.
struct EnvelopeDecodingTests {
    static func decode<Value: Decodable>(_ json: String, as type: Value.Type) throws -> Value {
        try JSONDecoder().decode(Value.self, from: Data(json.utf8))
    }

    @Test func paginationLinksMayBeAnObjectOrAnEmptyArray() throws {
        let object = #"{"total":3,"count":1,"per_page":1,"current_page":2,"total_pages":3,"links":{"previous":"p","next":"n"}}"#
        let array = #"{"total":3,"count":1,"per_page":1,"current_page":1,"total_pages":1,"links":[]}"#
        let empty = #"{"total":3,"count":1,"per_page":1,"current_page":1,"total_pages":1,"links":{}}"#
        #expect(try Self.decode(object, as: Pagination.self).links == PaginationLinks(previous: "p", next: "n"))
        #expect(try Self.decode(array, as: Pagination.self).links == PaginationLinks())
        #expect(try Self.decode(empty, as: Pagination.self).perPage == 1)
    }

    @Test func relationshipsMayBeItemsListsOrNullResources() throws {
        let json = #"""
        {"object":"allocation","attributes":{"id":1,"ip":"10.0.0.1","alias":null,"port":25565,"notes":null,"assigned":false,
         "unknown_extra":true,
         "relationships":{"server":{"object":"null_resource","attributes":null},
                          "node":{"object":"node","attributes":{"id":3,"uuid":"u","public":true,"name":"n","description":null,
                          "location_id":1,"fqdn":"f","scheme":"https","behind_proxy":false,"maintenance_mode":false,"memory":1,
                          "memory_overallocate":0,"disk":1,"disk_overallocate":0,"upload_size":100,"daemon_listen":8080,
                          "daemon_sftp":2022,"daemon_base":"/b","created_at":"c","updated_at":"u",
                          "allocated_resources":{"memory":0,"disk":0},
                          "relationships":{"servers":{"object":"list","data":[]}}}}}},
         "meta":{"resource":"https://panel/api/application/nodes/3/allocations/1"}}
        """#
        let item = try Self.decode(json, as: FractalItem<Allocation>.self)
        #expect(item.attributes.relationships?.server?.value == nil)
        #expect(item.attributes.relationships?.node?.value?.id == 3)
        #expect(item.attributes.relationships?.node?.value?.relationships?.servers?.items == [])
        #expect(item.meta?.resource?.hasSuffix("/allocations/1") == true)
        let encoded = try JSONEncoder().encode(item.attributes)
        #expect(try JSONDecoder().decode(Allocation.self, from: encoded) == item.attributes)
    }

    @Test func aNullResourceListHasNoItems() throws {
        let json = #"{"allocations":{"object":"list","data":[]},"variables":{"object":"null_resource","attributes":null}}"#
        let relationships = try Self.decode(json, as: ClientServerRelationships.self)
        #expect(relationships.allocations?.items == [] && relationships.variables != nil && relationships.variables?.items == nil)
    }

    @Test func bothTimestampFormatsParse() {
        let plain = PanelTimestamp.date(from: "2024-05-01T12:34:56+00:00")
        #expect(plain == PanelTimestamp.date(from: "2024-05-01T12:34:56.000000Z"))
        #expect(plain == Date(timeIntervalSince1970: 1_714_566_896))
        #expect(PanelTimestamp.date(from: "yesterday") == nil)
    }

    @Test func optionalBodyFieldsAreOmittedAndRequiredNullsSent() throws {
        let body = try RequestBody.encoding(ServerFeatureLimitsBody(databases: nil, backups: 2))
        #expect(String(decoding: body.data, as: UTF8.self) == #"{"databases":null,"backups":2}"#)
        let location = try RequestBody.encoding(LocationDetails(short: "x"))
        #expect(String(decoding: location.data, as: UTF8.self) == #"{"short":"x"}"#)
    }
}
