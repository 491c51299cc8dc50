import Diagnostics
import PromModel

/// A static target that a `docker_sd_configs` job discovers too: Prometheus scrapes the container
/// twice, and when the discovery job relabels `job` and `instance` to the same values (as Lab 8 does
/// from the `prometheus.job` and `prometheus.port` labels) both scrapes write the same series, so
/// samples collide. The seed's Lab 8 kept Lab 1's static `fastapi` job next to `docker_services`.
///
/// A container counts as discovered when its compose labels pass the job's `keep` rules on
/// `__meta_docker_container_label_*`, and its address is the label the job copies into `__address__`;
/// a job whose address labelling labctl cannot follow is not compared (no guess).
///
/// Triggers: `- job_name: fastapi` / `targets: ['api:8000']` beside a `docker_services` job that keeps
/// `prometheus.enable=true` containers and takes `__address__` from `prometheus.port`, with the api
/// service labelled `prometheus.enable=true`, `prometheus.port=api:8000`.
/// Does not trigger: the api service without `prometheus.enable=true`; a static target on another port.
public struct DuplicateScrapeTargetCheck: LabWiringCheck {
    public static let code = "lab/target-scraped-twice"
    public static let summary = "a static scrape target is discovered by a docker_sd_configs job too, so it is scraped twice"
    public static let isLint = true

    static let labelPrefix = "__meta_docker_container_label_"

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        guard let config = lab.prometheus?.value, lab.hasCompose else { return [] }
        var discovered: [(job: String, service: String, port: Int)] = []
        for job in config.scrapeConfigs where !job.serviceDiscovery.dockerSDConfigs.isEmpty {
            for service in lab.services where Self.keeps(job.relabelConfigs, service) {
                guard let address = Self.address(job.relabelConfigs, service),
                      let (host, port) = LabEndpoint.split(address, scheme: job.scheme),
                      let target = lab.service(host: host), target.name == service.name else { continue }
                discovered.append((job.jobName, service.name, port))
            }
        }
        guard !discovered.isEmpty else { return [] }
        var out: [Diagnostic] = []
        for job in config.scrapeConfigs where job.serviceDiscovery.dockerSDConfigs.isEmpty {
            for target in job.serviceDiscovery.staticConfigs.flatMap(\.targets) {
                guard let (host, port) = LabEndpoint.split(target.value, scheme: job.scheme),
                      let service = lab.service(host: host),
                      let twin = discovered.first(where: { $0.service == service.name && $0.port == port && $0.job != job.jobName })
                else { continue }
                out.append(.warning(Self.code, "\(target.value) of job \(job.jobName) is also discovered by job \(twin.job) "
                                    + "(the \(service.name) container's prometheus labels): Prometheus scrapes it twice; "
                                    + "remove the static job or the container's labels", at: target.location))
            }
        }
        return out
    }

    /// The sanitized name Docker discovery gives a container label (`prometheus.enable` → `prometheus_enable`).
    static func metaName(_ label: String) -> String {
        labelPrefix + String(label.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }

    /// The container's labels by their meta label name.
    static func metaLabels(_ service: LabService) -> [String: String] {
        Dictionary(LabMetricCatalog.labels(of: service).map { (metaName($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    /// Whether every `keep`/`drop` rule on container labels lets the service through.
    static func keeps(_ rules: [RelabelConfig], _ service: LabService) -> Bool {
        let labels = metaLabels(service)
        for rule in rules where rule.action == .keep || rule.action == .drop {
            guard !rule.sourceLabels.isEmpty, rule.sourceLabels.allSatisfy({ $0.hasPrefix(labelPrefix) }) else { return false }
            let value = rule.sourceLabels.map { labels[$0] ?? "" }.joined(separator: rule.separator)
            guard let matcher = try? LabelMatcher(.regexMatch, "v", rule.regex) else { return false }
            if matcher.matches(value) != (rule.action == .keep) { return false }
        }
        return rules.contains { $0.action == .keep }
    }

    /// The address the job gives the service: the container label it copies into `__address__`
    /// with the default regex and a `$1` replacement, when it does.
    static func address(_ rules: [RelabelConfig], _ service: LabService) -> String? {
        guard let rule = rules.last(where: { $0.action == .replace && $0.targetLabel == "__address__" }),
              rule.sourceLabels.count == 1, rule.sourceLabels[0].hasPrefix(labelPrefix),
              ["(.*)", "(.+)"].contains(rule.regex), ["$1", "${1}"].contains(rule.replacement) else { return nil }
        return metaLabels(service)[rule.sourceLabels[0]].flatMap { $0.isEmpty ? nil : $0 }
    }
}
