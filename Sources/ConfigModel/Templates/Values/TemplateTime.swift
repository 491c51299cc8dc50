import GoCompat

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
        let c = CivilDate(unixSeconds: unixSeconds.addingReportingOverflow(Int64(zoneOffset)).partialValue)
        return Civil(year: c.year, month: Int(c.month), day: Int(c.day), hour: Int(c.hour), minute: Int(c.minute),
                     second: Int(c.second), weekday: Int(c.weekday), yearDay: Int(c.dayOfYear))
    }
}
