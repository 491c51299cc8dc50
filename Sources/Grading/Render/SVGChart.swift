import Foundation

/// An inline SVG line chart of a check's ``ChartData``: the reference's series dashed, the student's
/// solid, over the scenario's time, with axes, ticks and a legend. No scripts, fonts or external
/// references, so it can sit inside a self-contained HTML report; coordinates are printed with one
/// decimal, so the same data gives the same bytes.
struct SVGChart: Sendable {
    var data: ChartData
    var language: GradingLanguage
    var width = 640.0
    var plotHeight = 220.0

    /// Line colours: a student's series with the same labels as a reference series takes its
    /// colour, any other series the next unused one.
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
                          "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"]
    /// Legend labels longer than this are cut with an ellipsis.
    static let maxLabel = 72

    private let left = 64.0, right = 16.0, top = 12.0, axisBand = 34.0, legendLine = 18.0

    init(data: ChartData, language: GradingLanguage) {
        self.data = data
        self.language = language
    }

    func render() -> String {
        let say = language.say
        let lines = data.expected.map { ($0, true) } + data.actual.map { ($0, false) }
        let legendHeight = Double(max(lines.count, 1)) * legendLine + 8
        let height = top + plotHeight + axisBand + legendHeight
        let caption = say("Your query (solid) against the reference (dashed) on scenario \(data.scenario)")
        var out = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\">"
        out += "<title>\(MarkupEscaping.html(caption))</title>\n"
        let points = lines.flatMap { $0.0.points }
        let x0 = left, x1 = width - right, y0 = top, y1 = top + plotHeight
        out += "<rect x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(x1 - x0))\" height=\"\(f(y1 - y0))\" fill=\"#fafafa\" stroke=\"#999\"/>\n"
        guard let tMax = points.map(\.time).max(), let vMin = points.map(\.value).min(), let vMax = points.map(\.value).max() else {
            out += "<text x=\"\(f((x0 + x1) / 2))\" y=\"\(f((y0 + y1) / 2))\" text-anchor=\"middle\" class=\"empty\">"
                + MarkupEscaping.html(say("no data on the scenario")) + "</text>\n"
            return out + legend(lines, at: y1 + axisBand) + "</svg>"
        }
        let tSpan = tMax > 0 ? tMax : 1
        var lo = min(0, vMin), hi = vMax
        if hi - lo <= 0 { lo -= 1; hi += 1 }
        let yStep = Self.niceStep((hi - lo) / 4)
        lo = (lo / yStep).rounded(.down) * yStep
        hi = (hi / yStep).rounded(.up) * yStep
        func px(_ t: Double) -> Double { x0 + t / tSpan * (x1 - x0) }
        func py(_ v: Double) -> Double { y1 - (v - lo) / (hi - lo) * (y1 - y0) }
        // Grid and ticks.
        var v = lo
        var ticks = 0
        while v <= hi + yStep / 2, ticks < 20 {
            out += "<line x1=\"\(f(x0))\" y1=\"\(f(py(v)))\" x2=\"\(f(x1))\" y2=\"\(f(py(v)))\" stroke=\"#e3e3e3\"/>"
            out += "<text x=\"\(f(x0 - 6))\" y=\"\(f(py(v) + 4))\" text-anchor=\"end\">\(Self.value(v))</text>\n"
            v += yStep
            ticks += 1
        }
        let tStep = Self.timeStep(tSpan / 5)
        var t = 0.0
        ticks = 0
        while t <= tSpan + tStep / 2, ticks < 20 {
            out += "<line x1=\"\(f(px(t)))\" y1=\"\(f(y1))\" x2=\"\(f(px(t)))\" y2=\"\(f(y1 + 4))\" stroke=\"#999\"/>"
            out += "<text x=\"\(f(px(t)))\" y=\"\(f(y1 + 17))\" text-anchor=\"middle\">\(Self.duration(t))</text>\n"
            t += tStep
            ticks += 1
        }
        out += "<text x=\"\(f(x1))\" y=\"\(f(y1 + 30))\" text-anchor=\"end\" class=\"axis\">"
            + MarkupEscaping.html(say("time since the scenario's start")) + "</text>\n"
        // Lines: reference first, so the student's line is drawn on top.
        let colours = self.colours
        for (index, (line, reference)) in lines.enumerated() {
            let colour = colours[index]
            let style = reference ? " stroke-dasharray=\"7 4\" stroke-width=\"2.5\" opacity=\"0.8\"" : " stroke-width=\"2\""
            if line.points.count == 1, let p = line.points.first {
                out += "<circle cx=\"\(f(px(p.time)))\" cy=\"\(f(py(p.value)))\" r=\"3\" fill=\"\(colour)\"/>\n"
                continue
            }
            let path = Self.thinned(line.points).map { "\(f(px($0.time))),\(f(py($0.value)))" }.joined(separator: " ")
            out += "<polyline fill=\"none\" stroke=\"\(colour)\"\(style) points=\"\(path)\"/>\n"
        }
        return out + legend(lines, at: y1 + axisBand) + "</svg>"
    }

    // MARK: - Legend

    /// The colour of each line of `expected + actual`, in that order.
    private var colours: [String] {
        var byLabel: [String: String] = [:]
        var out: [String] = []
        for line in data.expected + data.actual {
            if let colour = byLabel[line.label] { out.append(colour); continue }
            let colour = Self.palette[byLabel.count % Self.palette.count]
            byLabel[line.label] = colour
            out.append(colour)
        }
        return out
    }

    private func legend(_ lines: [(ChartData.Line, Bool)], at y: Double) -> String {
        let say = language.say
        var out = ""
        if lines.isEmpty {
            return "<text x=\"\(f(left))\" y=\"\(f(y + 13))\">" + MarkupEscaping.html(say("no series")) + "</text>\n"
        }
        let colours = self.colours
        for (index, (line, reference)) in lines.enumerated() {
            let colour = colours[index]
            let ly = y + Double(index) * legendLine + 9
            let dash = reference ? " stroke-dasharray=\"7 4\"" : ""
            out += "<line x1=\"\(f(left))\" y1=\"\(f(ly))\" x2=\"\(f(left + 28))\" y2=\"\(f(ly))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)/>"
            let who = reference ? say("reference") : say("your query")
            var label = line.label
            if label.count > Self.maxLabel { label = String(label.prefix(Self.maxLabel - 1)) + "…" }
            out += "<text x=\"\(f(left + 36))\" y=\"\(f(ly + 4))\">" + MarkupEscaping.html("\(who) \(label)") + "</text>\n"
        }
        return out
    }

    // MARK: - Numbers

    /// At most ``maxPoints`` points of a line (every n-th, and the last), so a long scenario from any
    /// producer cannot make the page huge; the chart is ~600 px wide, so nothing visible is lost.
    static func thinned(_ points: [ChartData.Point]) -> [ChartData.Point] {
        guard points.count > maxPoints, let last = points.last else { return points }
        let stride = (points.count + maxPoints - 1) / maxPoints
        var out = Swift.stride(from: 0, to: points.count, by: stride).map { points[$0] }
        if out.last != last { out.append(last) }
        return out
    }

    /// Points kept per line.
    static let maxPoints = 600

    /// A coordinate with one decimal (`12.3`, `-0.5`); the chart has thousands, so no `String(format:)`.
    func f(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e12 else { return "0.0" }
        let tenths = Int((v * 10).rounded())
        let whole = String(abs(tenths) / 10) + "." + String(abs(tenths) % 10)
        return tenths < 0 ? "-" + whole : whole
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 5, 10] where m * power >= raw { return m * power }
        return 10 * power
    }

    /// A step of seconds that reads well on a time axis (15 s, 1 m, 5 m, 1 h …), at least `raw`.
    static func timeStep(_ raw: Double) -> Double {
        for s in [1.0, 5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400] where s >= raw { return s }
        return niceStep(raw / 86400) * 86400
    }

    /// `90s` → `1m30s`, `3600` → `1h`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e12 else { return String(format: "%.3gs", seconds) }
        let s = Int(seconds.rounded())
        if s <= 0 { return s == 0 ? "0" : "\(s)s" }
        var parts = ""
        if s >= 3600 { parts += "\(s / 3600)h" }
        if s % 3600 >= 60 { parts += "\(s % 3600 / 60)m" }
        if s % 60 != 0 { parts += "\(s % 60)s" }
        return parts
    }

    /// A tick value: integers plainly, others with up to four significant digits.
    static func value(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e12 { return String(Int64(v)) }
        return String(format: "%.4g", v)
    }
}
