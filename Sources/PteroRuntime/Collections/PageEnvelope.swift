import PteroLang

/// A list answer read once: its item envelopes and what its
/// `meta.pagination` says (nothing, for the panel's unpaginated lists).
struct PageEnvelope {
    let items: [Value]
    let total: Int?
    let totalPages: Int?

    init(_ envelope: Value) {
        guard case .map(let body) = envelope, case .list(let data)? = body.value(forName: "data") else {
            items = []
            total = nil
            totalPages = nil
            return
        }
        items = data.items
        var pagination: MapObject?
        if case .map(let meta)? = body.value(forName: "meta"), case .map(let found)? = meta.value(forName: "pagination") {
            pagination = found
        }
        if case .int(let count)? = pagination?.value(forName: "total") { total = count } else { total = nil }
        if case .int(let pages)? = pagination?.value(forName: "total_pages") { totalPages = pages } else { totalPages = nil }
    }
}
