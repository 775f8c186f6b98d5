import PteroKit
import Testing

/// `Pages` ends with an error naming the endpoint when a listing's pages do
/// not add up (issue 12, item 8), instead of looping for ever.
struct PageCheckTests {
    static func page(_ page: Int, items: Int, total: Int, perPage: Int = 10, totalPages: Int? = nil, current: Int? = nil) -> Page<Int> {
        let pagination = Pagination(total: total, count: items, perPage: perPage, currentPage: current ?? page,
                                    totalPages: totalPages ?? max(1, (total + perPage - 1) / perPage))
        return Page(items: Array(repeating: page, count: items), pagination: pagination, meta: ListMeta(),
                    endpoint: "GET /api/application/servers")
    }

    static func collect(_ fetch: @escaping PageFetcher<Int>) async -> String {
        do {
            return "\(try await Pages(concurrency: 2, fetch: fetch).collect().count) items"
        } catch {
            return "\(error)"
        }
    }

    @Test func aPanelThatIgnoresThePageNumberIsCaught() async {
        let outcome = await Self.collect { _ in Self.page(1, items: 10, total: 30) }
        #expect(outcome == "GET /api/application/servers answered page 1 when page 2 was asked for (a repeated page)")
    }

    @Test func aHugeTotalPagesIsCaughtOnTheFirstPage() async {
        let outcome = await Self.collect { page in Self.page(page, items: 10, total: 30, totalPages: Int.max) }
        #expect(outcome == "GET /api/application/servers answered total_pages \(Int.max) where 30 items at 10 a page make 3")
    }

    @Test func aTotalThatChangesMidListingIsCaught() async {
        let outcome = await Self.collect { page in Self.page(page, items: 10, total: page == 1 ? 30 : 40) }
        #expect(outcome.hasPrefix("GET /api/application/servers answered a total that changed mid-listing (30 items at 10 a page, then 40 at 10): "), "\(outcome)")
        #expect(outcome.hasSuffix("take `.list` first to act on a snapshot"))
    }

    @Test func outOfRangeNumbersAreCaught() async {
        #expect(await Self.collect { _ in Self.page(1, items: 0, total: -5, perPage: 10, totalPages: 1) }
            == "GET /api/application/servers answered a total of -5 items")
        #expect(await Self.collect { _ in Self.page(1, items: 0, total: 0, perPage: 0, totalPages: 1) }
            == "GET /api/application/servers answered per_page 0")
        #expect(await Self.collect { _ in Self.page(1, items: 3, total: 30) }
            == "GET /api/application/servers answered page 1 of 3 holding 3 of the 10 items due (30 in all, 10 a page)")
    }

    @Test func aConsistentListingIsWalkedWhole() async {
        #expect(await Self.collect { page in Self.page(page, items: page == 3 ? 5 : 10, total: 25) } == "25 items")
        #expect(await Self.collect { page in Self.page(page, items: 0, total: 0) } == "0 items")
    }
}
