import Diagnostics

/// What `labctl load` runs (Lab 5 without k6): the requests, how many virtual users send them over
/// time or at what arrival rate, think time, the per-request timeout, thresholds and the bounds of
/// the run. Built from flags or a scenario file (``LoadScenario/parse(_:file:)``).
public struct LoadScenario: Sendable {
    /// One request a virtual user may send; picked in proportion to `weight`. The URL may hold
    /// `{rand:LOW-HIGH}` placeholders (see ``LoadURLTemplate``).
    public struct Target: Sendable, Hashable {
        public var method: String
        public var url: String
        public var weight: Int
        public var headers: [String: String]
        public var body: String

        public init(url: String, method: String = "GET", weight: Int = 1, headers: [String: String] = [:], body: String = "") {
            self.url = url
            self.method = method
            self.weight = weight
            self.headers = headers
            self.body = body
        }
    }

    /// A stage of a ramping run: VUs move linearly to `target` over `duration` seconds (k6's `stages`).
    public struct Stage: Sendable, Hashable {
        public var duration: Double
        public var target: Int

        public init(duration: Double, target: Int) {
            self.duration = duration
            self.target = target
        }
    }

    /// How iterations are started.
    public enum Executor: Sendable, Hashable {
        /// Virtual users looping over requests, their number following the stages from `startVUs`
        /// (`vus` + `duration` is one flat stage).
        case rampingVUs(startVUs: Int, stages: [Stage])
        /// `rate` iterations per `timeUnit` seconds for `duration` seconds, whatever their latency,
        /// run by up to `maxVUs` users (k6's `constant-arrival-rate`); iterations that find no free
        /// user are dropped and counted.
        case constantArrivalRate(rate: Double, timeUnit: Double, duration: Double, preAllocatedVUs: Int, maxVUs: Int)
    }

    public var targets: [Target]
    public var executor: Executor
    /// Pause after each iteration of a ramping run, uniformly drawn in this range (seconds).
    public var thinkTime: ClosedRange<Double> = 0...0
    /// Seconds one request may take (connect, send, receive).
    public var timeout: Double = 10
    /// The run stops after this many requests.
    public var maxRequests = 1_000_000
    public var thresholds: [LoadThreshold] = []
    /// Host names besides loopback that the scenario's author allowed as targets (`hosts:`).
    public var allowedHosts: [String] = []
    /// Seed of the weighted choice and think times; nil draws one.
    public var seed: UInt64?

    /// The longest run accepted, in seconds (stages included).
    public static let maxDuration: Double = 24 * 3600
    /// The most virtual users accepted.
    public static let maxVUs = 1000
    /// The most requests a run may be bounded by.
    public static let maxRequestLimit = 100_000_000

    public init(targets: [Target], executor: Executor) {
        self.targets = targets
        self.executor = executor
    }

    /// Seconds from the start to the end of the last stage.
    public var duration: Double {
        switch executor {
        case .rampingVUs(_, let stages): return stages.reduce(0) { $0 + $1.duration }
        case .constantArrivalRate(_, _, let duration, _, _): return duration
        }
    }

    /// The most VUs the run may use.
    public var peakVUs: Int {
        switch executor {
        case .rampingVUs(let start, let stages): return stages.map(\.target).reduce(start, Swift.max)
        case .constantArrivalRate(_, _, _, _, let maxVUs): return maxVUs
        }
    }

    /// Problems that make the scenario unrunnable: no targets, bad URLs, a target that is neither
    /// loopback nor one of `allowedHosts`, weights, bounds. Each message is one sentence.
    public func problems() -> [String] {
        var out: [String] = []
        if targets.isEmpty { out.append("no target: give --url URL or targets in the scenario") }
        for target in targets {
            do {
                let template = try LoadURLTemplate(target.url)
                let request = try HTTPRequest(url: template.lowest, method: target.method)
                if template.isTemplate, let authorityEnd = target.url.dropFirst(7).firstIndex(where: { $0 == "/" || $0 == "?" }),
                   target.url[..<authorityEnd].contains("{") {
                    out.append("target \(target.url): {rand:…} may only appear in the path or query")
                }
                if !LoadTargetPolicy.isAllowed(host: request.host, extra: allowedHosts) {
                    out.append("target \(target.url) is not a loopback address (127.0.0.0/8, ::1, localhost) nor one of the scenario's hosts; labctl load only sends traffic to those")
                }
            } catch {
                out.append("target \(target.url): \(error)")
            }
            if target.weight < 1 || target.weight > 1_000_000 { out.append("target \(target.url): weight must be 1 to 1000000") }
        }
        if !(duration > 0) || duration > Self.maxDuration { out.append("the run must last more than 0 s and at most 24 h") }
        if peakVUs > Self.maxVUs { out.append("at most \(Self.maxVUs) virtual users") }
        switch executor {
        case .rampingVUs(let start, let stages):
            if start < 0 { out.append("start VUs must be 0 or more") }
            for stage in stages where stage.target < 0 || !(stage.duration >= 0) { out.append("a stage needs a duration ≥ 0 and a target ≥ 0") }
            if peakVUs < 1 { out.append("no stage has a virtual user") }
        case .constantArrivalRate(let rate, let unit, _, let pre, let maxVUs):
            if !(rate > 0) || !(unit > 0) || rate / unit > 1_000_000 { out.append("the arrival rate must be more than 0 and at most 1000000/s") }
            if pre < 1 || maxVUs < pre { out.append("pre-allocated VUs must be 1 or more and at most max VUs") }
        }
        if !(timeout > 0) || timeout > 3600 { out.append("the request timeout must be more than 0 and at most 1 h") }
        if !(thinkTime.lowerBound >= 0) || thinkTime.upperBound > 3600 { out.append("think time must be 0 to 1 h") }
        if maxRequests < 1 || maxRequests > Self.maxRequestLimit { out.append("max requests must be 1 to \(Self.maxRequestLimit)") }
        return out
    }
}
