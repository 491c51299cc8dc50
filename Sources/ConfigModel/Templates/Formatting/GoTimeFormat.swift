/// Go's `time.Time.Format` with reference-time layouts (`2006-01-02T15:04:05Z07:00`) and `String()`.
enum GoTimeFormat {
    static let defaultLayout = "2006-01-02 15:04:05.999999999 -0700 MST"
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Go's `t.String()`.
    static func string(_ t: TemplateTime) -> String { format(t, layout: defaultLayout) }

    /// Formats `t` with a Go layout.
    static func format(_ t: TemplateTime, layout: String) -> String {
        let c = t.civil
        var out = ""
        var rest = Substring(layout)
        func pad(_ v: Int64, _ width: Int) -> String {
            let s = String(v.magnitude)
            return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
        }
        func zone(_ colon: Bool, _ seconds: Bool, _ z: Bool, hoursOnly: Bool = false) -> String {
            if z && t.zoneOffset == 0 { return "Z" }
            let off = abs(t.zoneOffset)
            var s = (t.zoneOffset < 0 ? "-" : "+") + pad(Int64(off / 3600), 2)
            if hoursOnly { return s }
            s += (colon ? ":" : "") + pad(Int64(off / 60 % 60), 2)
            if seconds { s += (colon ? ":" : "") + pad(Int64(off % 60), 2) }
            return s
        }
        let tokens: [(String, () -> String)] = [
            ("January", { monthNames[c.month - 1] }),
            ("Jan", { String(monthNames[c.month - 1].prefix(3)) }),
            ("Monday", { dayNames[c.weekday] }),
            ("Mon", { String(dayNames[c.weekday].prefix(3)) }),
            ("MST", { t.zoneName }),
            ("2006", { pad(c.year, 4) }),
            ("-07:00:00", { zone(true, true, false) }), ("-070000", { zone(false, true, false) }),
            ("-07:00", { zone(true, false, false) }), ("-0700", { zone(false, false, false) }),
            ("-07", { zone(false, false, false, hoursOnly: true) }),
            ("Z07:00:00", { zone(true, true, true) }), ("Z070000", { zone(false, true, true) }),
            ("Z07:00", { zone(true, false, true) }), ("Z0700", { zone(false, false, true) }),
            ("Z07", { zone(false, false, true, hoursOnly: true) }),
            ("002", { pad(Int64(c.yearDay), 3) }),
            ("01", { pad(Int64(c.month), 2) }), ("02", { pad(Int64(c.day), 2) }),
            ("_2", { c.day < 10 ? " \(c.day)" : "\(c.day)" }),
            ("06", { pad(c.year % 100, 2) }),
            ("15", { pad(Int64(c.hour), 2) }),
            ("03", { pad(Int64(c.hour % 12 == 0 ? 12 : c.hour % 12), 2) }),
            ("04", { pad(Int64(c.minute), 2) }), ("05", { pad(Int64(c.second), 2) }),
            ("PM", { c.hour >= 12 ? "PM" : "AM" }), ("pm", { c.hour >= 12 ? "pm" : "am" }),
            ("1", { "\(c.month)" }), ("2", { "\(c.day)" }),
            ("3", { "\(c.hour % 12 == 0 ? 12 : c.hour % 12)" }), ("4", { "\(c.minute)" }), ("5", { "\(c.second)" }),
        ]
        outer: while let first = rest.first {
            if first == "." || first == ",", let fraction = fractionToken(rest.dropFirst()) {
                out += fractionText(t.nanoseconds, digits: fraction.count, trim: fraction.trim, separator: first)
                rest = rest.dropFirst(1 + fraction.count)
                continue
            }
            for (token, render) in tokens where rest.hasPrefix(token) {
                out += render()
                rest = rest.dropFirst(token.count)
                continue outer
            }
            out.append(first)
            rest = rest.dropFirst()
        }
        return out
    }

    /// `.000` / `.999` runs (not followed by another digit).
    private static func fractionToken(_ s: Substring) -> (count: Int, trim: Bool)? {
        guard let d = s.first, d == "0" || d == "9" else { return nil }
        let run = s.prefix { $0 == d }
        if let next = s.dropFirst(run.count).first, next.isNumber { return nil }
        return (run.count, d == "9")
    }

    private static func fractionText(_ nanos: Int, digits: Int, trim: Bool, separator: Character) -> String {
        let all = String(nanos)
        var text = String(repeating: "0", count: 9 - all.count) + all
        text = String(text.prefix(digits))
        if trim {
            while text.hasSuffix("0") { text.removeLast() }
            return text.isEmpty ? "" : String(separator) + text
        }
        return String(separator) + text
    }
}
