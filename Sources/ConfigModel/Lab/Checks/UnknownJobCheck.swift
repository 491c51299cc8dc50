import Diagnostics

/// A `job="…"` matcher naming no `job_name` of prometheus.yml: `up{job="fastapi"} == 0` never fires when
/// the job is called `api`.
///
/// Triggers: `up{job="fastap"}` in a rule with a job named `fastapi` (warning, did you mean).
/// Does not trigger: `up{job="fastapi"}`; labs whose jobs are relabelled (`target_label: job`) or use
/// service discovery, where job names are not all written down.
public struct UnknownJobCheck: LabWiringCheck {
    public static let code = "lab/unknown-job"
    public static let summary = "a query's job=\"…\" matcher names no scrape job"
    public static let isLint = true

    public init() {}

    public func check(_ lab: Lab) -> [Diagnostic] {
        guard let config = lab.prometheus?.value else { return [] }
        let relabelled = config.scrapeConfigs.contains { job in
            (job.relabelConfigs + job.metricRelabelConfigs).contains { $0.targetLabel == "job" }
                || !job.serviceDiscovery.dockerSDConfigs.isEmpty || !job.serviceDiscovery.fileSDConfigs.isEmpty
                || !job.serviceDiscovery.otherKinds.isEmpty || job.honorLabels
        }
        guard !relabelled else { return [] }
        let jobs = config.scrapeConfigs.map(\.jobName)
        return lab.queryReferences.compactMap { ref in
            guard let job = ref.job, !jobs.contains(job) else { return nil }
            return .warning(Self.code, "\(ref.context) selects job=\"\(job)\", but prometheus.yml has no such job "
                            + "(jobs: \(jobs.joined(separator: ", ")))" + Suggestion.didYouMean(job, in: jobs),
                            at: ref.location)
        }
    }
}
