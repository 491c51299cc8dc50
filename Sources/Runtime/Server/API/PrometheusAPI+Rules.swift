import GoCompat
import Diagnostics
import PromModel

// MARK: - Rules and alerts

extension PrometheusAPI {
    /// `/api/v1/rules`: `type=alert|record`, `rule_name[]`, `rule_group[]` (also `group_name[]`),
    /// `file[]`, `match[]` (on the rules' labels), `exclude_alerts`.
    func rules(_ r: HTTPServerRequest) throws -> HTTPServerResponse {
        let names = Set(r.formValues("rule_name[]"))
        let groups = Set(r.formValues("rule_group[]") + r.formValues("group_name[]"))
        let files = Set(r.formValues("file[]"))
        let sets = try APIParameters.matcherSets(r.formValues("match[]"))
        let type = (r.queryItems.first { $0.name == "type" }?.value ?? "").lowercased()
        guard type.isEmpty || type == "alert" || type == "record" else {
            throw APIError.invalidParameter("type", "not supported value \(GoQuoting.quote(type))")
        }
        var excludeAlerts = false
        if let text = r.formValue("exclude_alerts"), !text.isEmpty {
            guard let value = Self.goBool(text) else {
                throw APIError.invalidParameter("exclude_alerts", "strconv.ParseBool: parsing \(GoQuoting.quote(text)): invalid syntax")
            }
            excludeAlerts = value
        }
        let body = context.ruleManager?.withGroups { list -> [String] in
            var out: [String] = []
            for group in list {
                if !groups.isEmpty, !groups.contains(group.name) { continue }
                if !files.isEmpty, !files.contains(group.file) { continue }
                var rules: [String] = []
                for rule in group.rules {
                    if !names.isEmpty, !names.contains(rule.name) { continue }
                    switch rule {
                    case .alerting(let a):
                        guard type != "record", Self.matches(sets, Labels(a.labels)) else { continue }
                        rules.append(Self.alertingRuleJSON(a, excludeAlerts: excludeAlerts))
                    case .recording(let rec):
                        guard type != "alert", Self.matches(sets, Labels(rec.labels)) else { continue }
                        rules.append(Self.recordingRuleJSON(rec))
                    }
                }
                guard !rules.isEmpty else { continue }
                out.append("{\"name\":" + QueryResultJSON.quote(group.name) + ",\"file\":" + QueryResultJSON.quote(group.file)
                           + ",\"rules\":[" + rules.joined(separator: ",") + "],\"interval\":"
                           + GoFloatFormat.json(Double(group.interval) / 1000) + ",\"limit\":\(group.limit)"
                           + ",\"evaluationTime\":0,\"lastEvaluation\":" + Self.timeJSON(group.lastEvaluation) + "}")
            }
            return out
        } ?? []
        return Self.success("{\"groups\":[" + body.joined(separator: ",") + "]}")
    }

    /// `/api/v1/alerts`: the pending and firing alerts of every alerting rule.
    func alerts() -> HTTPServerResponse {
        let list = context.ruleManager?.withGroups { groups in
            groups.flatMap(\.alertingRules).flatMap(\.activeAlerts).map(Self.alertJSON)
        } ?? []
        return Self.success("{\"alerts\":[" + list.joined(separator: ",") + "]}")
    }

    // MARK: - JSON

    static func alertingRuleJSON(_ rule: AlertingRule, excludeAlerts: Bool) -> String {
        let alerts = excludeAlerts ? "null" : "[" + rule.activeAlerts.map(alertJSON).joined(separator: ",") + "]"
        var out = "{\"state\":" + QueryResultJSON.quote(rule.state.description) + ",\"name\":" + QueryResultJSON.quote(rule.name)
        out += ",\"query\":" + QueryResultJSON.quote(rule.expr.description)
        out += ",\"duration\":" + GoFloatFormat.json(Double(rule.holdDuration) / 1000)
        out += ",\"keepFiringFor\":" + GoFloatFormat.json(Double(rule.keepFiringFor) / 1000)
        out += ",\"labels\":" + QueryResultJSON.metric(Labels(rule.labels))
        out += ",\"annotations\":" + pairsJSON(rule.annotations)
        out += ",\"alerts\":" + alerts + ",\"health\":" + QueryResultJSON.quote(rule.health.rawValue)
        if let error = rule.lastError, !error.isEmpty { out += ",\"lastError\":" + QueryResultJSON.quote(error) }
        return out + ",\"evaluationTime\":0,\"lastEvaluation\":" + timeJSON(rule.lastEvaluation) + ",\"type\":\"alerting\"}"
    }

    static func recordingRuleJSON(_ rule: RecordingRule) -> String {
        var out = "{\"name\":" + QueryResultJSON.quote(rule.name) + ",\"query\":" + QueryResultJSON.quote(rule.expr.description)
        let labels = Labels(rule.labels)
        if !labels.isEmpty { out += ",\"labels\":" + QueryResultJSON.metric(labels) }
        out += ",\"health\":" + QueryResultJSON.quote(rule.health.rawValue)
        if let error = rule.lastError, !error.isEmpty { out += ",\"lastError\":" + QueryResultJSON.quote(error) }
        return out + ",\"evaluationTime\":0,\"lastEvaluation\":" + timeJSON(rule.lastEvaluation) + ",\"type\":\"recording\"}"
    }

    static func alertJSON(_ alert: RuleAlert) -> String {
        var out = "{\"labels\":" + QueryResultJSON.metric(alert.labels) + ",\"annotations\":" + pairsJSON(alert.annotations)
        out += ",\"state\":" + QueryResultJSON.quote(alert.state.description)
        out += ",\"activeAt\":" + QueryResultJSON.quote(APITime.format(milliseconds: alert.activeAt))
        if let since = alert.keepFiringSince {
            out += ",\"keepFiringSince\":" + QueryResultJSON.quote(APITime.format(milliseconds: since))
        }
        return out + ",\"value\":" + QueryResultJSON.quote(GoFloatFormat.e(alert.value)) + "}"
    }

    /// Label pairs as an object in name order, empty values kept (annotations).
    static func pairsJSON(_ pairs: [Label]) -> String {
        "{" + pairs.sorted { $0.name < $1.name }
            .map { QueryResultJSON.quote($0.name) + ":" + QueryResultJSON.quote($0.value) }.joined(separator: ",") + "}"
    }

    /// A time in milliseconds as Go's `time.Time` JSON; the zero time for `nil`.
    static func timeJSON(_ ms: Int64?) -> String {
        QueryResultJSON.quote(ms.map { APITime.format(milliseconds: $0) } ?? APITime.zeroTime)
    }

    static func matches(_ sets: [[LabelMatcher]], _ labels: Labels) -> Bool {
        sets.isEmpty || sets.contains { set in set.allSatisfy { $0.matches(labels[$0.name] ?? "") } }
    }

    /// Go's `strconv.ParseBool`.
    static func goBool(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: return nil
        }
    }
}
