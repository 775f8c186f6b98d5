/// A location groups nodes; `short` is the code servers see as `P_SERVER_LOCATION`.
struct Location: Sendable {
    var id: Int
    var short: String
    var long: String?
    var createdAt: Int
    var updatedAt: Int
}
