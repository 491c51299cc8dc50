/// What the lab checks need to know about a k6 service: k6 is recognised by its image (`grafana/k6`)
/// or by its `K6_PROMETHEUS_RW_*` settings.
enum K6Service {
    /// The environment variable that tells k6 where Prometheus's remote-write endpoint is.
    static let serverURLVariable = "K6_PROMETHEUS_RW_SERVER_URL"

    /// Whether `s` runs k6.
    static func isK6(_ s: LabService) -> Bool {
        (s.compose.image.map { LabServiceRole.repositoryName($0) == "k6" } ?? false)
            || s.compose.environment.contains { $0.name.hasPrefix("K6_PROMETHEUS_RW") }
    }
}
