import ConfigModel
import PromModel
import PromQL

// MARK: - Rendering labels and annotations

extension AlertingRule {
    /// The identity labels and annotations of the alert for one result sample: label and annotation
    /// values are Go templates with `$labels`, `$value`, `$externalLabels` and `$externalURL`.
    /// A template that fails renders as Prometheus's `<error expanding template: ...>` text.
    func render(sample: VectorSample, at ts: Int64, query: @escaping QueryFunc) -> (labels: Labels, annotations: [Label]) {
        var sampleLabels: [String: String] = [:]
        for label in sample.metric { sampleLabels[label.name] = label.value }
        var external: [String: String] = [:]
        for label in externalLabels { external[label.name] = label.value }
        let templateQuery = Self.templateQuery(query, at: ts)
        let templateName = "__alert_" + name
        let expand: (String) -> String = { text in
            do {
                return try PrometheusTemplates.expandAlertField(text, name: templateName, labels: sampleLabels,
                                                                externalLabels: external, externalURL: self.externalURL,
                                                                value: sample.f, query: templateQuery)
            } catch let error as TemplateError {
                return PrometheusTemplates.errorText(error, name: templateName)
            } catch {
                return "<error expanding template: \(error)>"
            }
        }
        var pairs = sample.metric.pairs.filter { $0.name != Label.metricName }
        for label in labels {
            pairs.removeAll { $0.name == label.name }
            pairs.append(Label(label.name, expand(label.value)))
        }
        pairs.removeAll { $0.name == Label.alertName }
        pairs.append(Label(Label.alertName, name))
        // Labels(...) drops empty values, as Prometheus's label builder does for `Set(name, "")`.
        let identity = Labels(pairs)
        let rendered = annotations.map { Label($0.name, expand($0.value)) }
        return (identity, rendered)
    }

    /// The `query` template function: parses the text and runs it through the rule's query function
    /// at the evaluation time.
    static func templateQuery(_ query: @escaping QueryFunc, at ts: Int64) -> PrometheusTemplates.QueryFunction {
        { text in
            let expr = try Parser().parseExpr(text)
            let samples = try RuleQuery.vector(try query(expr, ts), at: ts)
            return samples.map { sample in
                var labels: [String: String] = [:]
                for label in sample.metric { labels[label.name] = label.value }
                return PrometheusTemplates.QuerySample(labels: labels, value: sample.f)
            }
        }
    }
}

extension Label {
    /// `alertname`.
    public static let alertName = "alertname"
}
