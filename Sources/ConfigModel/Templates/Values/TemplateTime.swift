/// A Go `time.Time`: an instant (Unix seconds and nanoseconds) and the zone it is shown in.
///
/// Printing follows Go (`2006-01-02 15:04:05.999999999 -0700 MST`); `Format` takes Go layouts.
public struct TemplateTime: Hashable, Sendable {
    public var unixSeconds: Int64
    /// 0 ..< 1_000_000_000.
    public var nanoseconds: Int
    /// Zone abbreviation (`UTC`, `CET`).
    public var zoneName: String
    /// Seconds east of UTC.
    public var zoneOffset: Int

    public init(unixSeconds: Int64, nanoseconds: Int = 0, zoneName: String = "UTC", zoneOffset: Int = 0) {
        self.unixSeconds = unixSeconds
        self.nanoseconds = min(max(nanoseconds, 0), 999_999_999)
        self.zoneName = zoneName
        self.zoneOffset = zoneOffset
    }

    /// From milliseconds since the epoch (Prometheus timestamps), in UTC.
    public init(unixMilliseconds ms: Int64) {
        let (q, r) = ms.quotientAndRemainder(dividingBy: 1000)
        if r < 0 {
            self.init(unixSeconds: q - 1, nanoseconds: Int(r + 1000) * 1_000_000)
        } else {
            self.init(unixSeconds: q, nanoseconds: Int(r) * 1_000_000)
        }
    }

    /// Go's zero time, `0001-01-01 00:00:00 +0000 UTC`.
    public static let zero = TemplateTime(unixSeconds: -62_135_596_800)

    public var isZero: Bool { unixSeconds == Self.zero.unixSeconds && nanoseconds == 0 }

    /// Seconds since the epoch as a float.
    public var secondsSinceEpoch: Double { Double(unixSeconds) + Double(nanoseconds) / 1e9 }

    /// The same instant shown in UTC.
    public var utc: TemplateTime { TemplateTime(unixSeconds: unixSeconds, nanoseconds: nanoseconds) }

    // MARK: - Civil fields

    /// The calendar fields of the local (zone-shifted) time.
    struct Civil {
        var year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int, yearDay: Int
    }

    var civil: Civil {
        let local = unixSeconds.addingReportingOverflow(Int64(zoneOffset)).partialValue
        var days = local / 86_400
        var secs = local % 86_400
        if secs < 0 { secs += 86_400; days -= 1 }
        // Days to civil date (proleptic Gregorian), after H. Hinnant's algorithm.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        var weekday = Int((days + 4) % 7)
        if weekday < 0 { weekday += 7 }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        let yday = cumulative[Int(m) - 1] + Int(d) + (leap && m > 2 ? 1 : 0)
        return Civil(year: y, month: Int(m), day: Int(d), hour: Int(secs / 3600), minute: Int(secs / 60 % 60),
                     second: Int(secs % 60), weekday: weekday, yearDay: yday)
    }
}
