/// Whether the executor sends a write again when its answer was lost after
/// the request may have reached the panel (a dropped connection, a request
/// timeout, a gateway's 502 or 504).
///
/// Sending an idempotent write twice leaves the panel as sending it once,
/// but the panel still does it twice (twice the activity log, twice the
/// Wings calls), and a caller that keeps a journal promises once. Such a
/// caller asks for `.onlyUndelivered` and judges the lost answer itself,
/// by reading whether the panel shows the write's effect.
public enum Resend: Sendable, Equatable {
    /// PUT, PATCH and DELETE are sent again; a POST only when it provably never left.
    case whenIdempotent
    /// A write is sent again only when it provably never reached the panel;
    /// otherwise its failure (the transport error, or the 502/504) is the
    /// answer. Reads are retried as always.
    case onlyUndelivered
}
