import Foundation
import PteroKit
import PteroLang

/// How a write left in flight by a kill is judged on resume: one GET shows
/// whether the panel already has the write's effect (the object as the
/// write would leave it, or the object a create makes, found by what
/// identifies it), so a resumed run neither sends a done write twice nor
/// drops one that never arrived. Only fields the request sends are
/// compared; a field the panel does not show makes the verdict `.unknown`.
struct WriteEffect: Sendable {
    /// What the panel shows about the write.
    enum Verdict: Sendable, Equatable {
        /// The panel shows the effect; `answer` is the body the write's answer would have been, as the
        /// panel shows the object now (an envelope `{"object": ..., "attributes": ...}`), or nil when the
        /// write answers nothing (204 writes: suspend, power, delete...).
        case done(answer: Data?)
        /// The panel shows the effect is absent: sending the write now does it exactly once.
        case notDone
        /// The probe's answer cannot tell.
        case unknown
    }

    /// The GET to send to see the effect.
    let probe: PanelRequest
    /// Judges the probe's answer (any status: a 404 after a DELETE means done).
    let judge: @Sendable (PanelResponse) -> Verdict

    /// How to see the effect of `request`, or nil when no read can show it (reinstall, command, restore, ...).
    static func check(for request: PanelRequest) -> WriteEffect? {
        guard request.method != .get, let write = WrittenRequest(request) else { return nil }
        switch request.api {
        case .application: return applicationCheck(write)
        case .client: return clientCheck(write)
        }
    }

    /// Sending `request` twice has the effect of sending it once (power signals, PUT/PATCH of absolute
    /// values, DELETE), so it may be resent when its effect cannot be seen.
    static func isIdempotentByNature(_ request: PanelRequest) -> Bool {
        guard let write = WrittenRequest(request) else { return false }
        let segments = write.segments
        switch request.method {
        case .get, .delete, .patch:
            // The runtime's PATCHes send whole objects of absolute values (WholeUpdate, ServerChanges).
            return true
        case .put:
            // A password change needs the current password, which the first send replaced; a rename
            // moves whatever has the old name by then (see `filesIdempotent`).
            if request.api == .client, segments == ["account", "password"] { return false }
            if request.api == .client, segments.count == 4, segments[2] == "files" { return filesIdempotent(segments[3]) }
            return true
        case .post:
            return request.api == .application ? applicationPostIdempotent(segments) : clientPostIdempotent(segments)
        }
    }

    /// Application POSTs that set a state rather than make or run something,
    /// and allocation creates, which the panel adds with insert-ignore
    /// (app/Services/Allocations/AssignmentService.php).
    private static func applicationPostIdempotent(_ segments: [String]) -> Bool {
        guard segments.count == 3 else { return false }
        return (segments[0] == "servers" && ["suspend", "unsuspend"].contains(segments[2]))
            || (segments[0] == "nodes" && segments[2] == "allocations")
    }

    /// Client POSTs that set a state: a power signal (a second "start" of a
    /// running server does nothing more), a rename, a schedule's, task's,
    /// subuser's or allocation's fields, removing a key.
    private static func clientPostIdempotent(_ segments: [String]) -> Bool {
        if segments == ["account", "ssh-keys", "remove"] { return true }
        guard segments.count >= 3, segments[0] == "servers" else { return false }
        let rest = Array(segments.dropFirst(2))
        switch rest.count {
        case 1: return rest[0] == "power"
        case 2:
            if rest == ["settings", "rename"] { return true }
            if rest[0] == "files" { return filesIdempotent(rest[1]) }
            // schedules/{id} (update), users/{uuid} (permissions)
            return rest[0] == "schedules" || rest[0] == "users"
        case 3:
            // network/allocations/{id}: its notes
            return rest[0] == "network" && rest[1] == "allocations"
        case 4:
            // schedules/{id}/tasks/{id} (update), network/allocations/{id}/primary
            return (rest[0] == "schedules" && rest[2] == "tasks") || (rest[0] == "network" && rest[3] == "primary")
        default: return false
        }
    }

    /// Which file writes may be sent twice. `write` puts the same bytes in
    /// the same file; `delete` leaves the files gone; `chmod` sets an
    /// absolute mode; `create-folder` leaves one folder of that name. Not
    /// `rename` (once done, a second moves whatever took the old name since,
    /// or fails on a missing file), `copy` and `compress` (each makes a new
    /// file with a new name), `decompress` (it writes over files changed
    /// since the first), `pull` (a download that may differ).
    static func filesIdempotent(_ operation: String) -> Bool {
        ["write", "delete", "chmod", "create-folder"].contains(operation)
    }

    // MARK: Shapes of check shared by many writes.

    /// A GET of `path`.
    static func get(_ path: String, _ query: [(String, String)] = [], acceptsText: Bool = false) -> PanelRequest {
        PanelRequest(.get, path, query: query.map { URLQueryItem(name: $0.0, value: $0.1) }, acceptsText: acceptsText)
    }

    /// A DELETE, seen on the object's own GET: a 404 means it is gone.
    static func deletion(probe path: String) -> WriteEffect {
        WriteEffect(probe: get(path)) { response in
            switch response.status {
            case 404: .done(answer: nil)
            case 200: ProbeAnswer.item(response) == nil ? .unknown : .notDone
            default: .unknown
            }
        }
    }

    /// A DELETE of an object that has no GET of its own: gone from the
    /// whole listing means done.
    static func deletion(listing path: String, query: [(String, String)] = [],
                         isTheObject: @escaping @Sendable (MapObject) -> Bool) -> WriteEffect {
        WriteEffect(probe: get(path, query)) { response in
            guard let list = ProbeAnswer.list(response) else { return .unknown }
            if list.items.contains(where: { isTheObject($0.attributes) }) { return .notDone }
            return list.complete ? .done(answer: nil) : .unknown
        }
    }

    /// The fields a write sends, compared with the object's GET.
    /// `fields` maps a sent field to where the object shows it; a sent field
    /// not in `fields` (nor `ignored`) is one the panel does not show.
    static func update(_ write: WrittenRequest, probe path: String, query: [(String, String)] = [], answers: Bool,
                       fields: [String: [String]], emptyIsNull: Set<String> = [], ignored: Set<String> = [],
                       special: (@Sendable (String, Value, MapObject) -> FieldMatch?)? = nil) -> WriteEffect? {
        guard case .json(let data)? = write.request.body else { return nil }
        return WriteEffect(probe: get(path, query)) { response in
            guard let sent = WrittenRequest.map(json: data),
                  let object = ProbeAnswer.item(response) else { return .unknown }
            let tally = compare(sent, with: object.attributes, fields: fields, emptyIsNull: emptyIsNull, ignored: ignored,
                                special: special)
            return tally.verdict(answer: answers ? ProbeAnswer.answer(object.envelope, dropping: !query.isEmpty) : nil)
        }
    }

    /// Each sent field against where `attributes` shows it.
    static func compare(_ sent: MapObject, with attributes: MapObject, fields: [String: [String]], emptyIsNull: Set<String> = [],
                        ignored: Set<String> = [], special: (@Sendable (String, Value, MapObject) -> FieldMatch?)? = nil) -> FieldTally {
        var tally = FieldTally()
        for (key, value) in sent.entries {
            guard case .string(let name) = key else { tally.add(.unseen); continue }
            if ignored.contains(name) { continue }
            if let match = special?(name, value, attributes) { tally.add(match); continue }
            guard let path = fields[name] else { tally.add(.unseen); continue }
            tally.add(EffectCompare.match(value, EffectCompare.value(at: path, in: attributes), emptyIsNull: emptyIsNull.contains(name)))
        }
        return tally
    }

    /// A create, seen in a listing of its kind. `identify` says, of one
    /// listed object, whether it is the one the write made (`.same`), is not
    /// (`.differs`), or looks like it but may be another (`.unseen`: the
    /// identity is not unique, or other fields disagree). The answer is the
    /// listed object: without the create's `meta.resource` link, and without
    /// a new database's password, which the panel shows only once.
    static func creation(probe path: String, query: [(String, String)], answers: Bool,
                         identify: @escaping @Sendable (MapObject) -> FieldMatch) -> WriteEffect {
        WriteEffect(probe: get(path, query)) { response in
            guard let list = ProbeAnswer.list(response) else { return .unknown }
            var sawLookalike = false
            for item in list.items {
                switch identify(item.attributes) {
                case .same: return .done(answer: answers ? ProbeAnswer.answer(item.envelope) : nil)
                case .unseen: sawLookalike = true
                case .differs: continue
                }
            }
            return sawLookalike || !list.complete ? .unknown : .notDone
        }
    }

    /// A filter value the panel matches as sent: QueryBuilder splits a
    /// filter at commas into several values (spatie/laravel-query-builder),
    /// so text with a comma cannot be asked for.
    static func filterValue(_ value: Value?) -> String? {
        guard let text = EffectCompare.text(value), !text.isEmpty, !text.contains(",") else { return nil }
        return text
    }
}
