/// The expected findings of every fixture under Fixtures/prometheus and Fixtures/rules, as
/// `code@line:col` (with `other-file:` before the code for findings in a referenced rule file),
/// with all lints on.
///
/// `promtool242` records where Debian's promtool 2.42 reaches a different verdict, and why.
enum FixtureTable {
    struct Entry {
        /// `config/<name>` or `rules/<name>`.
        let key: String
        let expected: [String]
        /// Why promtool 2.42's verdict differs from labctl's, or `nil` when they agree.
        let promtool242: String?

        init(_ key: String, _ expected: [String], promtool242: String? = nil) {
            self.key = key
            self.expected = expected
            self.promtool242 = promtool242
        }

        var command: String { String(key.prefix { $0 != "/" }) }
        var name: String { String(key.drop { $0 != "/" }.dropFirst()) }
        var directory: String { command == "config" ? "prometheus" : "rules" }
        var isGood: Bool { name.hasSuffix(".good.yml") }
    }

    static let entries: [Entry] = [
        // MARK: - prometheus.yml
        Entry("config/alertmanager-api-v1.bad.yml", ["prom-config/invalid-api-version@4:20"],
              promtool242: "3.x supports only Alertmanager API v2; 2.42 still accepted v1"),
        Entry("config/bad-duration.bad.yml", ["yaml/invalid-value@2:20", "yaml/invalid-value@5:21"]),
        Entry("config/docker-sd-no-host.bad.yml", ["yaml/missing-key@5:9"]),
        Entry("config/docker-sd.good.yml", []),
        Entry("config/duplicate-job.bad.yml", ["prom-config/duplicate-job-name@5:15"]),
        Entry("config/empty.good.yml", []),
        Entry("config/external-label-name.bad.yml", ["prom-config/invalid-label-name@3:5"]),
        Entry("config/external-label-utf8.good.yml", [],
              promtool242: "3.x accepts UTF-8 label names; 2.42 only legacy names"),
        Entry("config/federate-honor-labels.bad.yml", ["yaml/wrong-type@4:19"]),
        Entry("config/federate-match-string.bad.yml", ["yaml/wrong-type@7:18"]),
        Entry("config/federate-seed.good.yml", []),
        Entry("config/file-sd-missing.good.yml", ["prom-config/file-sd-missing@4:17", "prom-config/file-sd-missing@4:50"]),
        Entry("config/full.good.yml", []),
        Entry("config/global-timeout-gt-interval.bad.yml", ["prom-config/timeout-gt-interval@3:19"]),
        Entry("config/invalid-yaml.bad.yml", ["yaml/syntax@5:1"]),
        Entry("config/kubernetes-sd.good.yml", [],
              promtool242: "Debian's promtool 2.42 is built without Kubernetes service discovery"),
        Entry("config/many-errors.bad.yml", ["prom-config/timeout-gt-interval@3:19", "prom-config/timeout-gt-interval@7:21",
                                             "yaml/unknown-key@8:5", "prom-config/duplicate-job-name@9:15",
                                             "prom-config/invalid-regex@12:16"]),
        Entry("config/minimal.good.yml", []),
        Entry("config/missing-job-name.bad.yml", ["yaml/missing-key@2:5", "prom-config/empty-job-name@4:15"]),
        Entry("config/relabel-action.bad.yml", ["prom-config/unknown-relabel-action@4:17"]),
        Entry("config/relabel-hashmod.bad.yml", ["prom-config/relabel-missing-field@4:9"]),
        Entry("config/relabel-labeldrop-extra.bad.yml", ["prom-config/relabel-extra-field@4:9"]),
        Entry("config/relabel-missing-target.bad.yml", ["prom-config/relabel-missing-field@5:9"]),
        Entry("config/relabel-regex.bad.yml", ["prom-config/invalid-regex@5:16"]),
        Entry("config/remote-write-no-url.bad.yml", ["prom-config/invalid-url@2:5"]),
        Entry("config/rule-file-errors.bad.yml", ["record-and-alert.bad.yml:rules/recording-level-mismatch@4:17",
                                                  "record-and-alert.bad.yml:rules/record-and-alert@5:16"]),
        Entry("config/rule-file-missing.bad.yml", ["prom-config/missing-rule-file@2:5"]),
        Entry("config/rule-file-pattern.bad.yml", ["prom-config/invalid-rule-file-pattern@2:5"]),
        Entry("config/rule-glob-nomatch.good.yml", []),
        Entry("config/scheme-ftp.good.yml", []),
        Entry("config/scrape-configs-not-list.bad.yml", ["yaml/wrong-type@2:3"]),
        Entry("config/short-interval-default-timeout.good.yml", []),
        Entry("config/timeout-equals-interval.good.yml", []),
        Entry("config/timeout-gt-interval.bad.yml", ["prom-config/timeout-gt-interval@4:21"]),
        Entry("config/tls-cert-no-key.bad.yml", ["prom-config/tls-cert-without-key@4:7", "prom-config/missing-file@4:18"]),
        Entry("config/too-long-interval.good.yml", ["prom-config/too-long-scrape-interval@4:22"]),
        Entry("config/two-auth.bad.yml", ["prom-config/conflicting-auth@6:5"]),
        Entry("config/unknown-key.bad.yml", ["yaml/unknown-key@2:3", "yaml/unknown-key@5:5"]),
        Entry("config/url-in-target.bad.yml", ["prom-config/invalid-target@4:19"]),
        // MARK: - rule files
        Entry("rules/alert-name-spaces.good.yml", []),
        // One clear error for the invalid for: (no alert-without-for beside it).
        Entry("rules/bad-for-duration.bad.yml", ["rules/alert-missing-severity@4:16", "rules/alert-missing-annotations@4:16",
                                                "yaml/invalid-value@6:14"]),
        Entry("rules/basic-alerts.good.yml", []),
        Entry("rules/basic-recording.good.yml", []),
        Entry("rules/duplicate-group.bad.yml", ["rules/duplicate-group@4:11"]),
        Entry("rules/duplicate-rules.good.yml", ["rules/duplicate-rule@7:17"]),
        Entry("rules/empty-group-name.bad.yml", ["rules/empty-group-name@2:11", "rules/recording-level-mismatch@4:17"]),
        Entry("rules/empty.good.yml", []),
        Entry("rules/for-on-recording.bad.yml", ["rules/recording-level-mismatch@4:17", "rules/field-not-allowed@6:9", "rules/field-not-allowed@7:9"]),
        Entry("rules/for-zero-on-recording.good.yml", []),
        Entry("rules/group-labels.good.yml", [],
              promtool242: "group labels and query_offset are Prometheus 3.x fields"),
        Entry("rules/invalid-record-name.bad.yml", ["rules/invalid-record-name@4:17"]),
        Entry("rules/invalid-yaml.bad.yml", ["yaml/syntax@6:1"]),
        Entry("rules/label-name.bad.yml", ["rules/alert-without-for@4:16", "rules/alert-missing-severity@4:16",
                                           "rules/alert-missing-annotations@4:16", "rules/invalid-label-name@7:11"]),
        Entry("rules/lints.good.yml", ["rules/recording-name-convention@5:17", "rules/rate-on-non-counter@6:15",
                                       "rules/rate-range-too-short@6:20", "rules/histogram-quantile-without-le@8:40",
                                       "rules/alert-without-for@9:16", "rules/alert-missing-severity@9:16",
                                       "rules/alert-missing-annotations@9:16", "rules/alert-without-comparison@10:15",
                                       "rules/value-in-alert-labels@12:20", "rules/recording-level-mismatch@13:17",
                                       "rules/duplicate-rule@15:17", "rules/recording-level-mismatch@15:17"]),
        Entry("rules/missing-expr.bad.yml", ["rules/missing-expr@4:9"]),
        Entry("rules/missing-record-alert.bad.yml", ["rules/missing-record-or-alert@4:9"]),
        Entry("rules/not-rules-file.bad.yml", ["yaml/unknown-key@1:1"]),
        Entry("rules/promql-syntax.bad.yml", ["promql/parse-error@5:21", "promql/parse-error@10:11"]),
        Entry("rules/promql-type.bad.yml", ["promql/parse-error@5:20"]),
        Entry("rules/promql-unknown-function.bad.yml", ["promql/parse-error@5:15"]),
        Entry("rules/range-vector-record.bad.yml", ["rules/invalid-expr-type@7:15"],
              promtool242: "promtool does not type-check rule results; Prometheus fails the rule at evaluation"),
        Entry("rules/record-and-alert.bad.yml", ["rules/recording-level-mismatch@4:17", "rules/record-and-alert@5:16"]),
        Entry("rules/record-name-braces.bad.yml", ["rules/invalid-record-name@4:17"]),
        Entry("rules/same-alert-different-labels.good.yml", []),
        Entry("rules/scalar-comparison.bad.yml", ["promql/parse-error@5:17"]),
        Entry("rules/template-unclosed.bad.yml", ["rules/alert-without-for@4:16", "rules/alert-missing-severity@4:16",
                                                  "rules/alert-missing-annotations@4:16", "rules/template-syntax@7:35"]),
        Entry("rules/template-undefined-function.bad.yml", ["rules/alert-without-for@4:16",
                                                            "rules/alert-missing-severity@4:16",
                                                            "rules/alert-missing-annotations@4:16",
                                                            "rules/template-syntax@7:36"]),
        Entry("rules/template-undefined-variable.bad.yml", ["rules/alert-without-for@4:16",
                                                            "rules/alert-missing-severity@4:16",
                                                            "rules/alert-missing-annotations@4:16",
                                                            "rules/template-syntax@7:23"]),
        Entry("rules/template-unended-if.bad.yml", ["rules/alert-without-for@4:16", "rules/alert-missing-severity@4:16",
                                                    "rules/alert-missing-annotations@4:16", "rules/template-syntax@7:50"]),
        Entry("rules/unknown-field.bad.yml", ["rules/missing-expr@4:9", "yaml/unknown-key@5:9"]),
    ]
}
