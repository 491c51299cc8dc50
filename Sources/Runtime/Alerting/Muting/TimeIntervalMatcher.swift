import ConfigModel
import Foundation

/// Decides whether an instant falls in a named time interval (`time_intervals:`), as Alertmanager's
/// `timeinterval` package does.
///
/// An interval matches when any of its periods does; a period matches when every dimension it lists
/// matches, in the period's `location` (UTC when absent): `times` are `[start, end)` minutes of the day,
/// `weekdays`, `months` and `years` inclusive ranges, and `days_of_month` inclusive ranges where
/// negative days count from the month's end (`-1` is the last day) and are clamped to the month.
public struct TimeIntervalMatcher: Sendable {
    /// One compiled period.
    public struct Period: Sendable {
        public var times: [Range<Int>]
        public var weekdays: [ClosedRange<Int>]
        /// (begin, end) as written; negative counts from the end of the month.
        public var daysOfMonth: [(begin: Int, end: Int)]
        public var months: [ClosedRange<Int>]
        public var years: [ClosedRange<Int>]
        public var timeZone: TimeZone

        public init(times: [Range<Int>] = [], weekdays: [ClosedRange<Int>] = [],
                    daysOfMonth: [(begin: Int, end: Int)] = [], months: [ClosedRange<Int>] = [],
                    years: [ClosedRange<Int>] = [], timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) {
            self.times = times
            self.weekdays = weekdays
            self.daysOfMonth = daysOfMonth
            self.months = months
            self.years = years
            self.timeZone = timeZone
        }

        /// The period from the config model.
        public init(config p: AlertmanagerTimeInterval.Period) {
            var zone = TimeZone(identifier: "UTC") ?? .current
            if let name = p.location {
                if name == "Local" { zone = .current } else if let z = TimeZone(identifier: name) { zone = z }
            }
            let days = p.daysOfMonth.map { (begin: $0.begin, end: $0.end) }
            self.init(times: p.times, weekdays: p.weekdays, daysOfMonth: days, months: p.months, years: p.years,
                      timeZone: zone)
        }

        /// Whether `date` falls in the period.
        public func contains(_ date: Date) -> Bool {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
            guard let year = c.year, let month = c.month, let day = c.day, let hour = c.hour,
                  let minute = c.minute, let weekday = c.weekday else { return false }
            if !times.isEmpty {
                let m = hour * 60 + minute
                guard times.contains(where: { $0.contains(m) }) else { return false }
            }
            if !weekdays.isEmpty {
                guard weekdays.contains(where: { $0.contains(weekday - 1) }) else { return false }
            }
            if !daysOfMonth.isEmpty {
                let length = calendar.range(of: .day, in: .month, for: date)?.count ?? 31
                guard daysOfMonth.contains(where: { Self.dayRange($0, contains: day, monthLength: length) }) else {
                    return false
                }
            }
            if !months.isEmpty {
                guard months.contains(where: { $0.contains(month) }) else { return false }
            }
            if !years.isEmpty {
                guard years.contains(where: { $0.contains(year) }) else { return false }
            }
            return true
        }

        static func dayRange(_ r: (begin: Int, end: Int), contains day: Int, monthLength n: Int) -> Bool {
            var begin = r.begin < 0 ? n + r.begin + 1 : r.begin
            var end = r.end < 0 ? n + r.end + 1 : r.end
            if begin > n { return false }
            begin = min(max(begin, -n), n)
            end = min(max(end, -n), n)
            return day >= begin && day <= end
        }
    }

    public var name: String
    public var periods: [Period]

    public init(name: String, periods: [Period]) {
        self.name = name
        self.periods = periods
    }

    public init(config: AlertmanagerTimeInterval) {
        self.init(name: config.name, periods: config.periods.map(Period.init(config:)))
    }

    /// Whether any period contains `date` (an interval without periods never does; a period without
    /// fields always does).
    public func contains(_ date: Date) -> Bool {
        periods.contains { $0.contains(date) }
    }
}
