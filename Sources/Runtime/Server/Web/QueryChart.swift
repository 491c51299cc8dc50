import GoCompat
import Foundation
import PromModel

/// The SVG line chart of a range query on the web page: one polyline per series (gaps where a
/// series has no sample), wall-clock ticks on the x axis, value ticks on the y axis and a legend.
/// At most ``maxSeries`` series and ``maxPoints`` points per series are drawn.
struct QueryChart {
    var series: [RangeSeries]
    var start: Int64
    var end: Int64
    var step: Int64
    var width = 1000.0
    var height = 320.0

    static let maxSeries = 50
    static let maxPoints = 1000
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
                          "#bcbd22", "#7f7f7f"]

    func render() -> String {
        let left = 70.0, right = 12.0, top = 10.0, bottom = 28.0
        let x0 = left, x1 = width - right, y0 = top, y1 = height - bottom
        let shown = Array(series.prefix(Self.maxSeries))
        let values = shown.flatMap { $0.points.map(\.f) }.filter(\.isFinite)
        var out = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(n(width)) \(n(height + legendHeight(shown.count)))\" "
            + "width=\"100%\" preserveAspectRatio=\"xMinYMin meet\"><title>range query chart</title>"
        out += "<rect x=\"\(n(x0))\" y=\"\(n(y0))\" width=\"\(n(x1 - x0))\" height=\"\(n(y1 - y0))\" fill=\"#fafafa\" stroke=\"#bbb\"/>"
        guard var lo = values.min(), var hi = values.max(), end > start else {
            out += "<text x=\"\(n((x0 + x1) / 2))\" y=\"\(n((y0 + y1) / 2))\" text-anchor=\"middle\">no data</text></svg>"
            return out
        }
        if hi - lo <= 0 { lo -= 1; hi += 1 }
        let span = Double(end - start)
        func px(_ t: Int64) -> Double { x0 + Double(t - start) / span * (x1 - x0) }
        func py(_ v: Double) -> Double { y1 - (v - lo) / (hi - lo) * (y1 - y0) }
        let tickStep = Self.roundStep((hi - lo) / 4)
        lo = (lo / tickStep).rounded(.down) * tickStep
        hi = (hi / tickStep).rounded(.up) * tickStep
        var v = lo
        var ticks = 0
        while v <= hi + tickStep / 2, ticks < 12 {
            out += "<line x1=\"\(n(x0))\" y1=\"\(n(py(v)))\" x2=\"\(n(x1))\" y2=\"\(n(py(v)))\" stroke=\"#e5e5e5\"/>"
            out += "<text x=\"\(n(x0 - 5))\" y=\"\(n(py(v) + 4))\" text-anchor=\"end\">\(WebPage.escape(Self.tick(v)))</text>"
            v += tickStep
            ticks += 1
        }
        for i in 0...5 {
            let t = start + Int64(Double(end - start) * Double(i) / 5)
            let label = RFC3339Time.format(Double(t) / 1000)
            let clock = label.count >= 19 ? String(label.dropFirst(11).prefix(8)) : label
            let anchor = i == 0 ? "start" : (i == 5 ? "end" : "middle")
            out += "<text x=\"\(n(px(t)))\" y=\"\(n(y1 + 18))\" text-anchor=\"\(anchor)\">\(clock)</text>"
        }
        for (index, s) in shown.enumerated() {
            let colour = Self.palette[index % Self.palette.count]
            var segments: [[String]] = [[]]
            var previous: Int64?
            let stride = max(1, (s.points.count + Self.maxPoints - 1) / Self.maxPoints)
            for (i, p) in s.points.enumerated() where i % stride == 0 || i == s.points.count - 1 {
                guard p.f.isFinite else { segments.append([]); previous = nil; continue }
                if let previous, p.t - previous > step * Int64(stride) { segments.append([]) }
                segments[segments.count - 1].append("\(n(px(p.t))),\(n(py(p.f)))")
                previous = p.t
            }
            for segment in segments where !segment.isEmpty {
                if segment.count == 1 {
                    let xy = segment[0].split(separator: ",")
                    out += "<circle cx=\"\(xy.first ?? "0")\" cy=\"\(xy.last ?? "0")\" r=\"2\" fill=\"\(colour)\"/>"
                } else {
                    out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.6\" points=\"\(segment.joined(separator: " "))\"/>"
                }
            }
        }
        for (index, s) in shown.enumerated() {
            let y = height + 14 + Double(index) * 16
            let colour = Self.palette[index % Self.palette.count]
            out += "<rect x=\"\(n(x0))\" y=\"\(n(y - 9))\" width=\"12\" height=\"10\" fill=\"\(colour)\"/>"
            out += "<text x=\"\(n(x0 + 18))\" y=\"\(n(y))\">\(WebPage.escape(String(s.metric.description.prefix(160))))</text>"
        }
        return out + "</svg>"
    }

    private func legendHeight(_ count: Int) -> Double { Double(count) * 16 + 8 }

    private func n(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e9 else { return "0" }
        return String(format: "%.1f", v)
    }

    /// The tick spacing for `raw`: 1, 2 or 5 times a power of ten, rounded up.
    static func roundStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = pow(10, log10(raw).rounded(.down))
        let scaled = raw / magnitude
        return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * magnitude
    }

    /// A value tick with up to four significant digits.
    static func tick(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e12 { return String(Int64(v)) }
        return String(format: "%.4g", v)
    }
}
