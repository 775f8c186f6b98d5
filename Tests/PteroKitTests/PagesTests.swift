import Foundation
import PteroKit
import Synchronization
import Testing

/// `Pages`: lazy, concurrent once the total is known, in order, and quiet
/// after the consumer stops.
struct PagesTests {
    /// A list of `total` numbers served `perPage` at a time; later pages
    /// answer sooner, so an in-order result is not an accident of timing.
    final class StubList: Sendable {
        let total: Int
        let perPage: Int
        private let counts = Mutex((requested: [Int](), inFlight: 0, maxInFlight: 0))

        init(total: Int, perPage: Int) {
            self.total = total
            self.perPage = perPage
        }

        var requested: [Int] { counts.withLock { $0.requested } }
        var maxInFlight: Int { counts.withLock { $0.maxInFlight } }
        var totalPages: Int { max(1, (total + perPage - 1) / perPage) }

        func fetch(_ page: Int) async throws -> Page<Int> {
            counts.withLock {
                $0.requested.append(page)
                $0.inFlight += 1
                $0.maxInFlight = max($0.maxInFlight, $0.inFlight)
            }
            defer { counts.withLock { $0.inFlight -= 1 } }
            try await Task.sleep(for: .milliseconds(2 * max(1, totalPages - page)))
            let start = (page - 1) * perPage
            let items = Array(start..<min(total, start + perPage))
            let pagination = Pagination(total: total, count: items.count, perPage: perPage, currentPage: page,
                                        totalPages: totalPages, links: PaginationLinks())
            return Page(items: items, pagination: pagination, meta: ListMeta())
        }

        var pages: Pages<Int> { Pages(concurrency: 3) { try await self.fetch($0) } }
    }

    @Test func nothingIsFetchedUntilIterated() async throws {
        let stub = StubList(total: 50, perPage: 10)
        let pages = stub.pages
        #expect(stub.requested.isEmpty && pages.total == nil)
        #expect(try await pages.first() == 0)
        // The first page alone: `.first` costs one request.
        #expect(stub.requested == [1])
        #expect(pages.total == 50)
    }

    @Test func itemsComeInOrderWithBoundedConcurrency() async throws {
        let stub = StubList(total: 95, perPage: 10)
        #expect(try await stub.pages.collect() == Array(0..<95))
        #expect(stub.requested.sorted() == Array(1...10))
        #expect(stub.maxInFlight > 1 && stub.maxInFlight <= 3, "\(stub.maxInFlight)")
    }

    @Test func anEmptyListIsOnePageOfNothing() async throws {
        let stub = StubList(total: 0, perPage: 10)
        #expect(try await stub.pages.collect().isEmpty)
        #expect(stub.requested == [1])
    }

    @Test func aFailedPageEndsTheIteration() async throws {
        struct Broken: Error {}
        let pages = Pages<Int>(concurrency: 2) { page in
            if page == 3 { throw Broken() }
            let pagination = Pagination(total: 50, count: 10, perPage: 10, currentPage: page, totalPages: 5, links: PaginationLinks())
            return Page(items: Array((page - 1) * 10..<page * 10), pagination: pagination, meta: ListMeta())
        }
        var seen: [Int] = []
        await #expect(throws: Broken.self) {
            for try await item in pages { seen.append(item) }
        }
        #expect(seen == Array(0..<20))
    }
}
