import YAML

/// What the grader expects from one student: the names and queries with the student's prefix.
/// Written by `labctl students generate` to `DIR/.answer-keys/<id>.yaml` (or `--keys KEYDIR/<id>.yaml`).
public struct AnswerKey: Sendable, Hashable {
    /// A metric the student's service must expose.
    public struct Metric: Sendable, Hashable {
        public var name: String
        /// `counter`, `gauge`, `histogram`, `summary`.
        public var type: String
        /// The file that declares it.
        public var file: String
    }

    /// A reference query: where it comes from and the PromQL.
    public struct Query: Sendable, Hashable {
        /// `alert_rules.yml: AnaShopHighCPU`, `grafana/dashboards/api-dashboard.json: Request Rate`…
        public var source: String
        public var expr: String
    }

    public var student: String
    public var name: String
    public var email: String?
    public var lab: String
    public var version: Int
    public var prefix: String
    public var domain: String
    public var entity: String
    /// Whether the domain and entity were assigned by labctl (not given in the roster).
    public var domainAssigned: Bool
    public var entityAssigned: Bool
    public var metrics: [Metric]
    public var alerts: [String]
    public var recordingRules: [String]
    public var jobs: [String]
    public var containers: [String]
    public var queries: [Query]
    /// Files that must contain the student's prefix (in some form).
    public var prefixedFiles: [String]
    /// Further business metrics the domain suggests (with the prefix).
    public var suggestedMetrics: [String]

    /// The key's path inside a student's directory.
    public static let path = ".labctl/answer-key.yaml"

    // MARK: - YAML

    /// The key as YAML, stable (sorted where order carries no meaning).
    public func yaml() -> String {
        func strings(_ list: [String]) -> YAMLNode { .sequence(list.map { .string($0) }) }
        var pairs: [(String, YAMLNode)] = [
            ("student", .string(student)),
            ("name", .string(name)),
        ]
        if let email { pairs.append(("email", .string(email))) }
        pairs += [
            ("lab", .string(lab)),
            ("version", .scalar(String(version))),
            ("prefix", .string(prefix)),
            ("domain", .string(domain)),
            ("entity", .string(entity)),
            ("assigned", .mapping([("domain", .scalar(domainAssigned ? "true" : "false")),
                                   ("entity", .scalar(entityAssigned ? "true" : "false"))])),
            ("metrics", .sequence(metrics.map { m in
                .mapping([("name", .string(m.name)), ("type", .string(m.type)), ("file", .string(m.file))])
            })),
            ("alerts", strings(alerts)),
            ("recording_rules", strings(recordingRules)),
            ("jobs", strings(jobs)),
            ("containers", strings(containers)),
            ("queries", .sequence(queries.map { q in .mapping([("source", .string(q.source)), ("expr", .string(q.expr))]) })),
            ("prefixed_files", strings(prefixedFiles)),
            ("suggested_metrics", strings(suggestedMetrics)),
        ]
        return "# Answer key of \(student) for the grader, written by labctl students generate.\n"
            + "# Keep it away from the student: it lists what the grader expects.\n"
            + YAMLWriter().write(.mapping(pairs))
    }
}
