import Foundation

/// How big a listing is, read from any dialect's answer: the items on the
/// page and the panel's total. It decodes nothing of the items, so it
/// serves where the typed models (shaped as Pterodactyl 1.x answers) do not
/// fit: a Pelican user has no `first_name`, a 0.7 client server no
/// `internal_id`.
public struct ListSize: Decodable, Sendable, Equatable {
    /// Items on the page.
    public let count: Int
    /// `meta.pagination.total`, when the panel gave one in range.
    public let total: Int?

    private struct Anything: Decodable {}
    private struct Meta: Decodable {
        struct Pagination: Decodable { let total: Int? }
        let pagination: Pagination?
    }
    private enum CodingKeys: String, CodingKey { case data, meta }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        count = try container.decode([Anything].self, forKey: .data).count
        let total = (try? container.decodeIfPresent(Meta.self, forKey: .meta))?.pagination?.total
        self.total = total.flatMap { (0...PageCheck.maximumTotal).contains($0) ? $0 : nil }
    }
}

extension PanelClient {
    /// The size of the listing `request` answers (its first page).
    public func listSize(_ request: PanelRequest) async throws -> ListSize {
        try await send(request, as: ListSize.self)
    }
}
