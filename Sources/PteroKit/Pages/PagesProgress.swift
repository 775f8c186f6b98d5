import Synchronization

/// What the first page told about the whole list, shared by every copy of
/// a `Pages` value and its iterators.
final class PagesProgress: Sendable {
    private let state = Mutex<(total: Int?, meta: ListMeta?)>((nil, nil))

    var total: Int? { state.withLock { $0.total } }
    var meta: ListMeta? { state.withLock { $0.meta } }

    func record(_ pagination: Pagination, meta: ListMeta) {
        state.withLock { $0 = (pagination.total, meta) }
    }
}
