import Foundation
import YAML

/// A named set of time periods (`time_intervals:` or the older `mute_time_intervals:`), used by routes'
/// `mute_time_intervals` and `active_time_intervals`.
public struct AlertmanagerTimeInterval: Sendable {
    /// One period: every listed dimension must match (an absent one matches everything).
    public struct Period: Sendable {
        /// Minutes since midnight, `[start, end)`.
        public var times: [Range<Int>] = []
        /// 0 = Sunday … 6 = Saturday.
        public var weekdays: [ClosedRange<Int>] = []
        /// Day ranges as written: 1…31 or -31…-1 (counting from the end of the month), so `1:-1`
        /// is stored as begin 1, end -1 (the whole month).
        public var daysOfMonth: [DayOfMonthRange] = []
        public var months: [ClosedRange<Int>] = []
        public var years: [ClosedRange<Int>] = []
        /// IANA zone name; UTC when absent.
        public var location: String?
        public var node: YAMLNode?

        public init() {}
    }

    /// An inclusive `begin:end` range of days of the month, kept as written: a negative day counts
    /// from the end of the month (`-1` is the last day), so the range is only resolved against a
    /// concrete month (`1:-1` is the whole month, `-3:-1` its last three days).
    public struct DayOfMonthRange: Hashable, Sendable, CustomStringConvertible {
        public var begin: Int
        public var end: Int

        public init(begin: Int, end: Int) {
            self.begin = begin
            self.end = end
        }

        /// `begin:end`, or the single day.
        public var description: String { begin == end ? "\(begin)" : "\(begin):\(end)" }
    }

    public var name: String
    public var periods: [Period] = []
    /// Whether it was declared under the deprecated top-level `mute_time_intervals:`.
    public var declaredAsMuteTimeInterval = false
    public var node: YAMLNode?

    public init(name: String, periods: [Period] = []) {
        self.name = name
        self.periods = periods
    }
}

// MARK: - Decoding

extension AlertmanagerTimeInterval {
    static let weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                             "september", "october", "november", "december"]

    static func decode(_ node: YAMLNode, context ctx: inout YAMLDecodingContext) -> AlertmanagerTimeInterval? {
        guard let m = ctx.mapping(node, allowed: ["name", "time_intervals"], what: "time interval") else { return nil }
        var ti = AlertmanagerTimeInterval(name: ctx.string(m["name"], what: "name") ?? "")
        ti.node = node
        if ti.name.isEmpty {
            ctx.error(AlertmanagerDiagnosticCode.timeIntervalNameMissing, "missing name in time interval", at: node)
        }
        ti.periods = ctx.list(m["time_intervals"], what: "time_intervals") { ctx, item in
            decodePeriod(item, context: &ctx)
        } ?? []
        return ti
    }

    private static func decodePeriod(_ node: YAMLNode, context ctx: inout YAMLDecodingContext) -> Period? {
        let keys = ["times", "weekdays", "days_of_month", "months", "years", "location"]
        guard let m = ctx.mapping(node, allowed: keys, what: "time interval") else { return nil }
        var p = Period()
        p.node = node
        for item in ctx.sequence(m["times"], what: "times") ?? [] {
            guard let tm = ctx.mapping(item, allowed: ["start_time", "end_time"], what: "times") else { continue }
            guard let startNode = ctx.required("start_time", in: tm, what: "times"),
                  let endNode = ctx.required("end_time", in: tm, what: "times") else { continue }
            guard let start = clock(startNode, context: &ctx), let end = clock(endNode, context: &ctx) else { continue }
            guard start < end else {
                invalid("start time cannot be equal or greater than end time", at: item, context: &ctx)
                continue
            }
            p.times.append(start..<end)
        }
        p.weekdays = ranges(m["weekdays"], what: "weekday", context: &ctx) { text in
            weekdayNames.firstIndex(of: text.lowercased())
        }
        p.daysOfMonth = pairs(m["days_of_month"], what: "day of month", context: &ctx,
                              order: { $0 < 0 ? 30 + $0 : $0 }) { text in
            guard let n = Int(text), n != 0, (-31...31).contains(n) else { return nil }
            return n
        }.map { DayOfMonthRange(begin: $0.begin, end: $0.end) }
        p.months = ranges(m["months"], what: "month", context: &ctx) { text in
            if let i = monthNames.firstIndex(of: text.lowercased()) { return i + 1 }
            guard let n = Int(text), (1...12).contains(n) else { return nil }
            return n
        }
        p.years = ranges(m["years"], what: "year", context: &ctx) { text in
            guard let n = Int(text), n > 0, n < 100_000 else { return nil }
            return n
        }
        if let loc = m["location"], let name = ctx.string(loc, what: "location") {
            if name != "Local", name != "UTC", TimeZone(identifier: name) == nil {
                invalid("unknown time zone \(name)", at: loc, context: &ctx)
            } else {
                p.location = name
            }
        }
        return p
    }

    /// `HH:MM` → minutes since midnight, `24:00` allowed.
    private static func clock(_ node: YAMLNode, context ctx: inout YAMLDecodingContext) -> Int? {
        guard let text = ctx.string(node, what: "time") else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let mm = Int(parts[1]),
              (0...24).contains(h), (0...59).contains(mm), h < 24 || mm == 0 else {
            invalid("couldn't parse timestamp \(text), invalid format", at: node, context: &ctx)
            return nil
        }
        return h * 60 + mm
    }

    /// Items `a` or `a:b` mapped by `value`, with `a <= b`.
    private static func ranges(_ node: YAMLNode?, what: String, context ctx: inout YAMLDecodingContext,
                               value: (String) -> Int?) -> [ClosedRange<Int>] {
        pairs(node, what: what, context: &ctx, order: { $0 }, value: value).map { $0.begin...$0.end }
    }

    /// Items `a` or `a:b` mapped by `value`, kept as written, with `order(a) <= order(b)`.
    private static func pairs(_ node: YAMLNode?, what: String, context ctx: inout YAMLDecodingContext,
                              order: (Int) -> Int, value: (String) -> Int?) -> [(begin: Int, end: Int)] {
        var out: [(begin: Int, end: Int)] = []
        for item in ctx.sequence(node, what: what) ?? [] {
            guard let text = ctx.string(item, what: what) else { continue }
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard (1...2).contains(parts.count), let a = value(parts[0]), let b = value(parts.last ?? "") else {
                invalid("invalid \(what) \"\(text)\"", at: item, context: &ctx)
                continue
            }
            guard order(a) <= order(b) else {
                invalid("start \(what) cannot be after end \(what) in \"\(text)\"", at: item, context: &ctx)
                continue
            }
            out.append((a, b))
        }
        return out
    }

    private static func invalid(_ message: String, at node: YAMLNode, context ctx: inout YAMLDecodingContext) {
        ctx.error(AlertmanagerDiagnosticCode.invalidTimeInterval, message, at: node)
    }

    /// The interval as a YAML mapping (periods kept as written).
    public func yamlNode() -> YAMLNode {
        .mapping([("name", .string(name)),
                  ("time_intervals", .sequence(periods.map { $0.node ?? .mapping([]) }))])
    }
}
