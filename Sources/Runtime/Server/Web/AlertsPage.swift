import Foundation
import PromModel

/// The alerts page: every alerting rule as inactive, pending or firing, with its active alerts'
/// labels, value, and since when they are active.
enum AlertsPage {
    static func response(_ server: LabServer) -> HTTPServerResponse {
        let rules = server.ruleManager.snapshot().flatMap { group in group.rules.map { (group.name, $0) } }
            .filter { $0.1.kind == "alerting" }
        let now = SystemClock().milliseconds
        var counts: [AlertState: Int] = [:]
        for (_, rule) in rules { counts[rule.state, default: 0] += 1 }
        var body = "<h1>Alerts</h1><p class=\"muted\">"
            + "<span class=\"badge inactive\">inactive \(counts[.inactive] ?? 0)</span> "
            + "<span class=\"badge pending\">pending \(counts[.pending] ?? 0)</span> "
            + "<span class=\"badge firing\">firing \(counts[.firing] ?? 0)</span></p>"
        if rules.isEmpty { body += "<p>No alerting rules.</p>" }
        for (group, rule) in rules.sorted(by: { ($0.1.state.rawValue, $0.1.name) > ($1.1.state.rawValue, $1.1.name) }) {
            body += "<h2 class=\"alert-rule\"><span class=\"badge \(rule.state)\">\(rule.state)</span> "
                + "\(WebPage.escape(rule.name)) <span class=\"muted\">(\(rule.alerts.count) active, group \(WebPage.escape(group)))</span></h2>"
            body += "<pre>\(WebPage.escape(rule.query))</pre>"
            guard !rule.alerts.isEmpty else { continue }
            body += "<table><tr><th>Labels</th><th>State</th><th>Active since</th><th>Value</th><th>Summary</th></tr>"
            for alert in rule.alerts {
                let summary = alert.annotation("summary") ?? alert.annotation("description") ?? ""
                body += "<tr><td><code>\(WebPage.escape(alert.labels.description))</code></td>"
                    + "<td><span class=\"badge \(alert.state)\">\(alert.state)</span></td>"
                    + "<td>\(WebPage.time(alert.activeAt)) (\(WebPage.ago(alert.activeAt, now: now)))</td>"
                    + "<td class=\"num\">\(QueryPage.number(alert.value))</td><td>\(WebPage.escape(summary))</td></tr>"
            }
            body += "</table>"
        }
        return WebPage.response(title: "Alerts", active: "/alerts", body: body)
    }
}
