import Diagnostics

/// One cross-file check of a lab: a small type with a stable `lab/…` code that looks at how the files
/// fit together (targets, ports, mounts, metrics), reporting at the offending node.
///
/// Each conforming type's doc comment says what it catches, with a lab that triggers it and one that
/// does not. ``LabWiringChecks/all`` lists them; the catalogue is generated from the types.
public protocol LabWiringCheck: Sendable {
    /// Stable identifier, `lab/what` in kebab case.
    static var code: String { get }
    /// One line describing what the check catches.
    static var summary: String { get }
    /// Whether the check is a heuristic whose warnings `--lint none` turns off.
    static var isLint: Bool { get }

    init()

    func check(_ lab: Lab) -> [Diagnostic]
}

/// The lab wiring checks, in the order they run.
public enum LabWiringChecks {
    public static let all: [any LabWiringCheck.Type] = [
        LinkOutsideLabCheck.self,
        ConfigMountCheck.self,
        RuleFileMountCheck.self,
        RuleFileNotListedCheck.self,
        ProvisioningMountCheck.self,
        DashboardProviderPathCheck.self,
        LocalhostTargetCheck.self,
        UnknownHostCheck.self,
        SharedNetworkCheck.self,
        PublishedPortCheck.self,
        ContainerPortCheck.self,
        PublishedPortNotListeningCheck.self,
        ExporterTargetCheck.self,
        SingleDashFlagCheck.self,
        DockerHostCheck.self,
        PrometheusConsoleFlagsCheck.self,
        RemoteWriteReceiverCheck.self,
        K6CommandCheck.self,
        K6RemoteWriteURLCheck.self,
        DockerSocketCheck.self,
        EndpointServiceCheck.self,
        NoMetricsEndpointCheck.self,
        AlertsNotSentCheck.self,
        RouteNeverMatchesCheck.self,
        UnknownJobCheck.self,
        UnknownMetricCheck.self,
        PythonMissingImportCheck.self,
        PythonDecoratorPitfallCheck.self,
        PythonRequirementsCheck.self,
        PythonBlockingClientCheck.self,
        PythonSwallowedExceptionCheck.self,
        DuplicateScrapeTargetCheck.self,
        PythonMetricUnitCheck.self,
        PythonUndefinedFunctionCheck.self,
        RedisMaxmemoryCheck.self,
        TodoMarkerCheck.self,
    ]

    /// Code and summary of every check.
    public static var descriptions: [LintDescription] {
        all.map { LintDescription(code: $0.code, summary: $0.summary) }
    }

    /// Every finding of every check; lint checks only when `lint`.
    public static func run(_ lab: Lab, lint: Bool = true) -> [Diagnostic] {
        all.filter { lint || !$0.isLint }.flatMap { $0.init().check(lab) }
    }
}

/// `check lab` as a library call: every per-file check of the lab's files, then the wiring checks.
///
/// ```swift
/// let outcome = LabCheck(lint: true).run(directory: "labs/lab7")
/// ```
public struct LabCheck: Sendable {
    public var lint: Bool

    public init(lint: Bool = true) { self.lint = lint }

    /// Checks the lab at `directory`. Nothing outside it is walked or scanned: symbolic links that leave
    /// the lab are reported (``LinkOutsideLabCheck``), not followed.
    public func run(directory: String) -> CheckOutcome {
        LabPath.$confinement.withValue(LabPath.realPath(directory)) {
            let (lab, loaded) = LabLoader(lint: lint).load(directory: directory)
            var outcome = loaded
            outcome.diagnostics += LabWiringChecks.run(lab, lint: lint)
            outcome.ruleCount = lab.rules.count
            return outcome
        }
    }
}
