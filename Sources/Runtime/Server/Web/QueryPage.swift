import Foundation
import PromModel
import PromQL

/// The query page: the form, then the instant result as a table or the range result as a chart.
/// A parse error is shown with a caret under its position; an evaluation error with its message.
struct QueryPage {
    let server: LabServer
    let request: HTTPServerRequest

    func response() -> HTTPServerResponse {
        let expr = request.formValue("expr") ?? request.formValue("g0.expr") ?? ""
        let tab = (request.formValue("tab") ?? request.formValue("g0.tab")) == "graph" || request.formValue("g0.tab") == "0"
            ? "graph" : "table"
        let rangeText = request.formValue("range") ?? request.formValue("g0.range_input") ?? "1h"
        var body = "<h1>Query</h1>" + form(expr: expr, tab: tab, range: rangeText)
        if !expr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            body += result(expr: expr, tab: tab, rangeText: rangeText)
        }
        return WebPage.response(title: "Query", active: "/query", body: body)
    }

    private func form(expr: String, tab: String, range: String) -> String {
        let names = ((try? server.storage.labelValues("__name__", matchers: [])) ?? []).prefix(5000)
        let options = names.map { "<option value=\"\(WebPage.escape($0))\">" }.joined()
        return """
            <form method="get" action="/query">
            <textarea name="expr" rows="3" list="metric-names" placeholder="Expression (press Execute)" autofocus>\(WebPage.escape(expr))</textarea>
            <datalist id="metric-names">\(options)</datalist>
            <div class="controls">
            <label><input type="radio" name="tab" value="table"\(tab == "table" ? " checked" : "")> Table</label>
            <label><input type="radio" name="tab" value="graph"\(tab == "graph" ? " checked" : "")> Graph</label>
            <label>Range <input type="text" name="range" value="\(WebPage.escape(range))" size="6"></label>
            <button type="submit">Execute</button>
            <span class="muted">\(names.count) metric names</span>
            </div></form>
            """
    }

    private func result(expr: String, tab: String, rangeText: String) -> String {
        let parsed: Expr
        do {
            parsed = try Parser().parseExpr(expr)
        } catch let error as ParseErrors {
            return parseError(error, expr: expr)
        } catch {
            return "<pre class=\"error\">\(WebPage.escape("\(error)"))</pre>"
        }
        let now = SystemClock().milliseconds
        let started = Date()
        do {
            if tab == "graph" {
                guard let range = try? Duration.parse(rangeText), range.milliseconds > 0 else {
                    return "<pre class=\"error\">invalid range \"\(WebPage.escape(rangeText))\": use a duration like 1h or 15m</pre>"
                }
                let span = min(range.milliseconds, 366 * 24 * 3600 * 1000)
                let step = max(1000, span / 250)
                let result = try server.engine.rangeQuery(parsed, start: now - span, end: now, step: step,
                                                          querier: server.storage)
                let seconds = Date().timeIntervalSince(started)
                guard case .matrix(let series) = result.value else { return "" }
                var out = annotations(result, expr: expr)
                out += "<p class=\"muted\">\(series.count) series, step \(Duration(milliseconds: step)), "
                    + String(format: "%.3f", seconds) + " s</p>"
                out += QueryChart(series: series, start: now - span, end: now, step: step).render()
                if series.count > QueryChart.maxSeries {
                    out += "<p class=\"warning\">Only the first \(QueryChart.maxSeries) series are drawn.</p>"
                }
                return out
            }
            let result = try server.engine.instantQuery(parsed, at: now, querier: server.storage)
            let seconds = Date().timeIntervalSince(started)
            return annotations(result, expr: expr) + table(result.value, seconds: seconds)
        } catch let error as QueryError {
            return "<pre class=\"error\">\(WebPage.escape(error.kind.rawValue)): \(WebPage.escape(error.message))</pre>"
        } catch {
            return "<pre class=\"error\">\(WebPage.escape("\(error)"))</pre>"
        }
    }

    private func parseError(_ error: ParseErrors, expr: String) -> String {
        guard let issue = error.first else { return "<pre class=\"error\">parse error</pre>" }
        let lines = expr.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.indices.contains(issue.line - 1) ? String(lines[issue.line - 1]) : expr
        let prefixBytes = Array(line.utf8.prefix(max(0, issue.column - 1)))
        let pad = String(String(decoding: prefixBytes, as: UTF8.self).map { $0 == "\t" ? Character("\t") : Character(" ") })
        return "<pre class=\"error\" id=\"parse-error\">\(WebPage.escape(issue.description))\n\n"
            + "\(WebPage.escape(line))\n\(pad)^</pre>"
    }

    private func annotations(_ result: QueryResult, expr: String) -> String {
        result.annotations.map { "<p class=\"warning\">\(WebPage.escape($0.rendered(query: expr)))</p>" }.joined()
    }

    private func table(_ value: QueryValue, seconds: Double) -> String {
        var rows: [(String, String)] = []
        var total = 0
        switch value {
        case .scalar(_, let f): rows = [("scalar", Self.number(f))]; total = 1
        case .string(_, let s): rows = [("string", s)]; total = 1
        case .vector(let samples):
            total = samples.count
            rows = samples.prefix(WebUI.maxRows).map { ($0.metric.description, Self.number($0.f)) }
        case .matrix(let series):
            total = series.count
            rows = series.prefix(WebUI.maxRows).map { s in
                (s.metric.description, s.points.map { "\(Self.number($0.f)) @\(Double($0.t) / 1000)" }.joined(separator: "\n"))
            }
        }
        var out = "<p class=\"muted\">\(total) result\(total == 1 ? "" : "s"), " + String(format: "%.3f", seconds) + " s</p>"
        if rows.isEmpty { return out + "<p>Empty query result</p>" }
        out += "<table id=\"result\"><tr><th>Series</th><th>Value</th></tr>"
        for (metric, value) in rows {
            out += "<tr><td><code>\(WebPage.escape(metric))</code></td><td class=\"num\"><pre>\(WebPage.escape(value))</pre></td></tr>"
        }
        out += "</table>"
        if total > rows.count { out += "<p class=\"warning\">Showing \(rows.count) of \(total).</p>" }
        return out
    }

    /// A sample value as Prometheus prints it (`NaN`, `+Inf`, shortest round-trip decimal).
    static func number(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "+Inf" : "-Inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
