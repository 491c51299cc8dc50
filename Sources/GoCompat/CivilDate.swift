/// A UTC calendar date and time of a Unix second (proleptic Gregorian calendar), as Go's `time`
/// package computes it: the one home of the calendar arithmetic behind PromQL's date functions,
/// RFC 3339 timestamps and template times.
public struct CivilDate: Hashable, Sendable {
    public var year: Int64
    /// 1 ... 12.
    public var month: Int64
    /// 1 ... 31.
    public var day: Int64
    public var hour: Int64
    public var minute: Int64
    public var second: Int64
    /// 0 = Sunday.
    public var weekday: Int64
    /// 1-based.
    public var dayOfYear: Int64

    /// The calendar fields of `s` seconds since 1970-01-01T00:00:00Z (any `Int64`).
    public init(unixSeconds s: Int64) {
        let (q, r) = s.quotientAndRemainder(dividingBy: 86_400)
        let days = r < 0 ? q - 1 : q
        let secs = r < 0 ? r + 86_400 : r
        hour = secs / 3600
        minute = (secs % 3600) / 60
        second = secs % 60
        weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4)
        // Days to civil date (era-based algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let cumulative: [Int64] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        dayOfYear = cumulative[Int(month - 1)] + day + (CivilDate.isLeap(year) && month > 2 ? 1 : 0)
    }

    /// Whether `y` is a leap year.
    public static func isLeap(_ y: Int64) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    /// The number of days of `month` (1 ... 12) in `year`.
    public static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The number of days of this date's month.
    public var daysInMonth: Int64 { CivilDate.daysIn(month: month, year: year) }

    /// Days since 1970-01-01 of a proleptic Gregorian date (`year` within ±1e15, `month` 1 ... 12).
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
