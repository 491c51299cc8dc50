import Foundation
import PromModel

/// The rules page: every group with its rules' expression, health, last evaluation and last error.
enum RulesPage {
    static func response(_ server: LabServer) -> HTTPServerResponse {
        let groups = server.ruleManager.snapshot()
        let now = SystemClock().milliseconds
        var body = "<h1>Rules</h1>"
        if groups.isEmpty { body += "<p>No rule groups: the configuration's rule_files name none.</p>" }
        for group in groups {
            body += "<h2>\(WebPage.escape(group.name)) <span class=\"muted\">\(WebPage.escape(group.file)), every "
                + "\(Duration(milliseconds: group.interval)), last \(WebPage.ago(group.lastEvaluation, now: now))</span></h2>"
            body += "<table><tr><th>Rule</th><th>State</th><th>Health</th><th>Last evaluation</th><th>Error</th></tr>"
            for rule in group.rules {
                let head = rule.kind == "alerting" ? "alert: " : "record: "
                var text = head + rule.name + "\nexpr: " + rule.query
                if rule.holdDuration > 0 { text += "\nfor: \(Duration(milliseconds: rule.holdDuration))" }
                for label in rule.labels { text += "\nlabels.\(label.name): \(label.value)" }
                let state = rule.kind == "alerting" ? "<span class=\"badge \(rule.state)\">\(rule.state)</span>" : ""
                let health = rule.health.rawValue
                body += "<tr><td><pre>\(WebPage.escape(text))</pre></td><td>\(state)</td>"
                    + "<td><span class=\"badge \(health)\">\(health)</span></td>"
                    + "<td>\(WebPage.ago(rule.lastEvaluation, now: now))</td>"
                    + "<td>\(WebPage.escape(rule.lastError ?? ""))</td></tr>"
            }
            body += "</table>"
        }
        return WebPage.response(title: "Rules", active: "/rules", body: body)
    }
}
