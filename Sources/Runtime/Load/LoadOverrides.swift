import PromModel

/// What `labctl load`'s flags say, applied over a scenario file (flags win, as k6's CLI options
/// win over a script's) or making the whole scenario when there is no file.
public struct LoadOverrides: Sendable {
    public var urls: [String] = []
    public var vus: Int?
    /// Seconds.
    public var duration: Double?
    /// `--stage 30s:20` values.
    public var stages: [LoadScenario.Stage] = []
    /// `--rate N`: a constant arrival rate of N iterations per second.
    public var rate: Double?
    public var thresholds: [LoadThreshold] = []
    public var timeout: Double?
    public var thinkTime: Double?
    public var maxRequests: Int?
    public var seed: UInt64?

    public init() {}

    /// Parses a duration flag value (`30s`, `1m30s`, `500ms`) to seconds.
    public static func seconds(_ text: String) throws -> Double {
        Double(try Duration.parse(text).milliseconds) / 1000
    }

    /// Parses `--stage DURATION:TARGET` (`30s:20`).
    public static func stage(_ text: String) throws -> LoadScenario.Stage {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let target = Int(parts[1]), target >= 0 else {
            throw LoadError("stage \"\(text)\" must be DURATION:TARGET, as 30s:20")
        }
        return LoadScenario.Stage(duration: try seconds(String(parts[0])), target: target)
    }

    /// The scenario: `base` (a file's) with these flags applied, or one made of the flags alone
    /// (default 1 VU for 10 s, as k6).
    public func apply(to base: LoadScenario?) throws -> LoadScenario {
        var scenario = base ?? LoadScenario(targets: [], executor: .rampingVUs(startVUs: 1, stages: [.init(duration: 10, target: 1)]))
        if !urls.isEmpty { scenario.targets = urls.map { LoadScenario.Target(url: $0) } }
        if let rate {
            let vus = vus ?? 10
            scenario.executor = .constantArrivalRate(rate: rate, timeUnit: 1, duration: duration ?? scenario.duration,
                                                     preAllocatedVUs: vus, maxVUs: max(vus, 100))
        } else if !stages.isEmpty {
            if vus != nil || duration != nil { throw LoadError("give --stage or --vus/--duration, not both") }
            scenario.executor = .rampingVUs(startVUs: 0, stages: stages)
        } else if vus != nil || duration != nil {
            let count: Int
            if let vus { count = vus } else { count = scenario.peakVUs }
            scenario.executor = .rampingVUs(startVUs: count, stages: [.init(duration: duration ?? scenario.duration, target: count)])
        }
        scenario.thresholds += thresholds
        if let timeout { scenario.timeout = timeout }
        if let thinkTime { scenario.thinkTime = thinkTime...thinkTime }
        if let maxRequests { scenario.maxRequests = maxRequests }
        if let seed { scenario.seed = seed }
        return scenario
    }
}
