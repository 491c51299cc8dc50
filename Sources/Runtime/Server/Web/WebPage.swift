import Diagnostics
import GoCompat
import Foundation
import PromModel

/// The frame of every page of labctl's web UI: a server-rendered HTML document with inline CSS,
/// a navigation bar and no scripts, so everything works without JavaScript (and in a test's
/// headless browser). Text from data (labels, expressions, errors) always goes through ``escape(_:)``.
enum WebPage {
    /// The sections of the navigation bar: path and title.
    static let sections = [("/query", "Query"), ("/targets", "Targets"), ("/rules", "Rules"), ("/alerts", "Alerts"),
                           ("/config", "Config")]

    /// A complete `text/html` response.
    static func response(title: String, active: String, body: String, status: Int = 200) -> HTTPServerResponse {
        HTTPServerResponse(status: status, contentType: "text/html; charset=utf-8", text: document(title: title, active: active, body: body))
    }

    static func document(title: String, active: String, body: String) -> String {
        let nav = sections.map { path, name in
            "<a href=\"\(path)\"\(path == active ? " class=\"active\"" : "")>\(name)</a>"
        }.joined()
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · labctl</title>
            <style>\(css)</style></head>
            <body><header><span class="brand">labctl</span><nav>\(nav)</nav></header>
            <main>\(body)</main></body></html>
            """
    }

    static let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;background:#fff}
        header{background:#e6522c;color:#fff;display:flex;align-items:center;gap:1.5em;padding:.6em 1.2em}
        header .brand{font-weight:700;font-size:1.15em}header nav a{color:#fff;text-decoration:none;margin-right:1em;opacity:.85}
        header nav a.active{opacity:1;border-bottom:2px solid #fff}
        main{padding:1em 1.4em;max-width:1200px}
        textarea{width:100%;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:14px;padding:.4em;box-sizing:border-box}
        table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:14px}th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
        th{background:#f4f4f4}td.num{text-align:right;font-family:ui-monospace,Menlo,monospace}
        code,pre{font-family:ui-monospace,Menlo,Consolas,monospace}pre.error{background:#fdecea;border:1px solid #f5c2c0;padding:.6em;overflow-x:auto}
        .badge{display:inline-block;padding:.05em .5em;border-radius:.6em;font-size:12px;font-weight:600;color:#fff}
        .up,.ok,.inactive{background:#2e7d32}.down,.err,.firing{background:#c62828}.unknown{background:#757575}.pending{background:#ef6c00}
        .muted{color:#666;font-size:13px}.controls{display:flex;gap:.8em;align-items:center;margin:.5em 0;flex-wrap:wrap}
        .warning{background:#fff8e1;border:1px solid #ffe082;padding:.4em .6em;margin:.4em 0}
        svg.chart text{font-size:11px;fill:#444}h2{font-size:1.15em;margin-top:1.4em}
        """

    /// `text` safe as HTML character data or a quoted attribute value (labctl's one XML escaper).
    static func escape(_ text: String) -> String { XMLEscaping.attribute(text) }

    /// A label set as `{a="b", c="d"}` text.
    static func labels(_ labels: [(String, String)]) -> String {
        "{" + labels.map { "\($0.0)=\"\($0.1)\"" }.joined(separator: ", ") + "}"
    }

    /// A time in milliseconds as RFC 3339 UTC, or "never".
    static func time(_ ms: Int64?) -> String {
        guard let ms else { return "never" }
        return RFC3339Time.format(Double(ms) / 1000)
    }

    /// How long ago `ms` was, from `now` (both milliseconds): `12.3s ago`.
    static func ago(_ ms: Int64?, now: Int64) -> String {
        guard let ms else { return "never" }
        let seconds = Double(now.subtractingReportingOverflow(ms).partialValue) / 1000
        if seconds < 0 { return "in the future" }
        if seconds < 120 { return String(format: "%.1fs ago", seconds) }
        if seconds < 7200 { return String(format: "%.1fm ago", seconds / 60) }
        return String(format: "%.1fh ago", seconds / 3600)
    }
}
