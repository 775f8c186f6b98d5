/// Enough of cron to validate schedule fields and compute `next_run_at` (UTC).
enum Cron {
    /// Values a field allows, or nil when it does not parse.
    static func values(_ field: String, range: ClosedRange<Int>) -> Set<Int>? {
        var result: Set<Int> = []
        for part in field.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { return nil }
            let step = pieces.count == 2 ? Int(pieces[1]) : 1
            guard let step, step > 0 else { return nil }
            var low = range.lowerBound, high = range.upperBound
            if pieces[0] != "*" {
                let ends = pieces[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
                guard ends.count <= 2, let first = ends[0] else { return nil }
                low = first
                high = ends.count == 2 ? (ends[1] ?? -1) : (pieces.count == 2 ? range.upperBound : first)
            }
            guard range.contains(low), range.contains(high), low <= high else { return nil }
            result.formUnion(stride(from: low, through: high, by: step))
        }
        return result.isEmpty ? nil : result
    }

    static func isValid(minute: String, hour: String, dayOfMonth: String, month: String, dayOfWeek: String) -> Bool {
        values(minute, range: 0...59) != nil && values(hour, range: 0...23) != nil && values(dayOfMonth, range: 1...31) != nil
            && values(month, range: 1...12) != nil && values(dayOfWeek, range: 0...7) != nil
    }

    /// The first minute after `now` that the cron fields match (dragonmantank/cron-expression's
    /// `getNextRunDate`, UTC), active or not: the panel stores it for an inactive one too.
    static func nextRun(_ schedule: Schedule, after now: Int) -> Int? {
        guard let minutes = values(schedule.minute, range: 0...59), let hours = values(schedule.hour, range: 0...23),
              let days = values(schedule.dayOfMonth, range: 1...31), let months = values(schedule.month, range: 1...12),
              var weekdays = values(schedule.dayOfWeek, range: 0...7) else { return nil }
        if weekdays.contains(7) { weekdays.insert(0) }
        let restrictDay = schedule.dayOfMonth != "*", restrictWeekday = schedule.dayOfWeek != "*"
        let startDay = now / 86_400
        for dayOffset in 0...366 {
            let day = startDay + dayOffset
            let (_, month, dayOfMonth) = Timestamp.date(ofDay: day)
            let weekday = ((day % 7) + 11) % 7 // 1970-01-01 was a Thursday (4)
            guard months.contains(month) else { continue }
            let dayMatches = restrictDay && restrictWeekday
                ? days.contains(dayOfMonth) || weekdays.contains(weekday)
                : days.contains(dayOfMonth) && weekdays.contains(weekday)
            guard dayMatches else { continue }
            for hour in hours.sorted() {
                for minute in minutes.sorted() {
                    let candidate = day * 86_400 + hour * 3600 + minute * 60
                    if candidate > now { return candidate }
                }
            }
        }
        return nil
    }
}
