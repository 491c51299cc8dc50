import Diagnostics
import PromModel
import YAML

// MARK: - Scenario files

extension LoadScenario {
    /// The largest scenario file read.
    public static let maxFileBytes = 1 << 20

    /// The keys of a scenario file.
    static let fileKeys = ["targets", "url", "vus", "duration", "start_vus", "stages", "arrival_rate", "think_time",
                           "timeout", "max_requests", "thresholds", "hosts", "seed"]

    /// Parses a scenario file:
    ///
    /// ```yaml
    /// targets:
    ///   - {url: "http://127.0.0.1:8000/do_work?delay_ms=100", weight: 3}
    ///   - {url: "http://127.0.0.1:8000/health", weight: 1}
    /// stages:                       # or vus: 10 + duration: 30s, or arrival_rate: {...}
    ///   - {duration: 30s, target: 20}
    ///   - {duration: 1m, target: 20}
    ///   - {duration: 30s, target: 0}
    /// think_time: 1s                # or {min: 500ms, max: 1s}
    /// timeout: 10s
    /// max_requests: 100000
    /// thresholds:
    ///   http_req_duration: ["p(95)<500"]
    ///   errors: ["rate<0.1"]
    /// hosts: [api]                  # names besides loopback that may be targets
    /// ```
    ///
    /// Every problem is a diagnostic at the file's line and column (`load/...` codes); the scenario
    /// is nil when there is an error.
    public static func parse(_ text: String, file: String) -> (scenario: LoadScenario?, diagnostics: [Diagnostic]) {
        guard text.utf8.count <= maxFileBytes else {
            return (nil, [.error("load/too-large", "\(file) is larger than \(maxFileBytes) bytes", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        let parsed = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: file, text: text))
        guard parsed.diagnostics.isEmpty else { return (nil, parsed.diagnostics) }
        guard let root = parsed.documents.first?.root else {
            return (nil, [.error("load/empty", "\(file) has no scenario", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        var ctx = YAMLDecodingContext()
        guard let top = ctx.mapping(root, allowed: fileKeys, what: "load scenario") else { return (nil, ctx.diagnostics) }
        var decoder = ScenarioDecoder(ctx: ctx, top: top)
        let scenario = decoder.decode()
        let diagnostics = decoder.ctx.diagnostics
        return (diagnostics.contains { $0.severity == .error } ? nil : scenario, diagnostics)
    }
}

/// Decodes the keys of a scenario file, reporting at each node.
private struct ScenarioDecoder {
    var ctx: YAMLDecodingContext
    let top: YAMLMapping

    mutating func decode() -> LoadScenario? {
        let targets = decodeTargets()
        guard let executor = decodeExecutor() else { return nil }
        var scenario = LoadScenario(targets: targets, executor: executor)
        if let node = top["think_time"] { scenario.thinkTime = thinkTime(node) ?? 0...0 }
        if let node = top["timeout"], let seconds = duration(node, what: "timeout") { scenario.timeout = seconds }
        if let node = top["max_requests"], let n = ctx.int(node, in: 1...LoadScenario.maxRequestLimit, what: "max_requests") {
            scenario.maxRequests = n
        }
        if let node = top["seed"], let n = ctx.int(node, in: 0...Int.max, what: "seed") { scenario.seed = UInt64(n) }
        if let hosts = ctx.stringList(top["hosts"], what: "hosts") { scenario.allowedHosts = hosts }
        scenario.thresholds = decodeThresholds()
        // Problems of the whole (bounds, refused hosts) go to the node they are about.
        for (index, target) in scenario.targets.enumerated() {
            var single = scenario
            single.targets = [target]
            for problem in single.problems() where problem.contains(target.url) {
                ctx.error("load/target", problem, at: targetNodes.indices.contains(index) ? targetNodes[index] : top.node)
            }
        }
        var withoutTargets = scenario
        withoutTargets.targets = [LoadScenario.Target(url: "http://127.0.0.1/")]
        for problem in withoutTargets.problems() { ctx.error("load/scenario", problem, at: top.node) }
        if scenario.targets.isEmpty, !ctx.hasErrors { ctx.error("load/no-target", "the scenario has no targets (targets: or url:)", at: top.node) }
        return scenario
    }

    private var targetNodes: [YAMLNode] {
        if let single = top["url"] { return [single] }
        return top["targets"]?.sequence ?? []
    }

    private mutating func decodeTargets() -> [LoadScenario.Target] {
        if let url = top["url"] {
            if top["targets"] != nil { ctx.error("load/targets", "give url or targets, not both", at: url) }
            return ctx.string(url, what: "url").map { [LoadScenario.Target(url: $0)] } ?? []
        }
        guard let items = ctx.sequence(top["targets"], what: "targets") else { return [] }
        var out: [LoadScenario.Target] = []
        for item in items {
            if item.mapping == nil, let url = item.scalarValue {
                out.append(LoadScenario.Target(url: url))
                continue
            }
            guard let m = ctx.mapping(item, allowed: ["url", "method", "weight", "headers", "body"], what: "target"),
                  let urlNode = ctx.required("url", in: m, what: "target"), let url = ctx.string(urlNode, what: "url") else { continue }
            var target = LoadScenario.Target(url: url)
            if let node = m["method"], let method = ctx.string(node, what: "method") {
                if ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].contains(method.uppercased()) {
                    target.method = method.uppercased()
                } else {
                    ctx.error("load/method", "unknown HTTP method \"\(method)\"", at: node)
                }
            }
            if let node = m["weight"], let weight = ctx.int(node, in: 1...1_000_000, what: "weight") { target.weight = weight }
            if let headers = ctx.stringMap(m["headers"], what: "headers") { target.headers = headers }
            if let node = m["body"], let body = ctx.string(node, what: "body") { target.body = body }
            out.append(target)
        }
        return out
    }

    private mutating func decodeExecutor() -> LoadScenario.Executor? {
        let given = ["stages", "arrival_rate", "vus"].filter { top[$0] != nil }
        if given.count > 1, let node = top.keyNode(given[1]) {
            ctx.error("load/executor", "give one of stages, arrival_rate or vus + duration (not \(given.joined(separator: " and ")))", at: node)
            return nil
        }
        if let rateNode = top["arrival_rate"] {
            guard let m = ctx.mapping(rateNode, allowed: ["rate", "time_unit", "duration", "pre_allocated_vus", "max_vus"], what: "arrival_rate"),
                  let r = ctx.required("rate", in: m, what: "arrival_rate"), let rate = ctx.double(r, what: "rate"),
                  let d = ctx.required("duration", in: m, what: "arrival_rate"), let seconds = duration(d, what: "duration") else { return nil }
            let unit = m["time_unit"].flatMap { duration($0, what: "time_unit") } ?? 1
            let pre = m["pre_allocated_vus"].flatMap { ctx.int($0, in: 1...LoadScenario.maxVUs, what: "pre_allocated_vus") } ?? 10
            let maxVUs = m["max_vus"].flatMap { ctx.int($0, in: 1...LoadScenario.maxVUs, what: "max_vus") } ?? max(pre, 100)
            if !(rate > 0) { ctx.error("load/rate", "rate must be more than 0", at: r) }
            return .constantArrivalRate(rate: rate, timeUnit: unit, duration: seconds, preAllocatedVUs: pre, maxVUs: max(pre, maxVUs))
        }
        let start = top["start_vus"].flatMap { ctx.int($0, in: 0...LoadScenario.maxVUs, what: "start_vus") } ?? 0
        if let stagesNode = top["stages"] {
            guard let items = ctx.sequence(stagesNode, what: "stages") else { return nil }
            var stages: [LoadScenario.Stage] = []
            for item in items {
                guard let m = ctx.mapping(item, allowed: ["duration", "target"], what: "stage"),
                      let d = ctx.required("duration", in: m, what: "stage"), let seconds = duration(d, what: "duration"),
                      let t = ctx.required("target", in: m, what: "stage"),
                      let target = ctx.int(t, in: 0...LoadScenario.maxVUs, what: "target") else { continue }
                stages.append(LoadScenario.Stage(duration: seconds, target: target))
            }
            if items.isEmpty { ctx.error("load/stages", "stages is empty", at: stagesNode) }
            return .rampingVUs(startVUs: start, stages: stages)
        }
        let vus = top["vus"].flatMap { ctx.int($0, in: 1...LoadScenario.maxVUs, what: "vus") } ?? 1
        guard let d = top["duration"] else {
            ctx.error("load/duration", "the scenario needs duration (with vus), stages or arrival_rate", at: top.node)
            return nil
        }
        guard let seconds = duration(d, what: "duration") else { return nil }
        return .rampingVUs(startVUs: vus, stages: [LoadScenario.Stage(duration: seconds, target: vus)])
    }

    private mutating func decodeThresholds() -> [LoadThreshold] {
        guard let node = top["thresholds"] else { return [] }
        var entries: [(text: String, node: YAMLNode)] = []
        if let items = node.sequence {
            for item in items { if let text = ctx.string(item, what: "threshold") { entries.append((text, item)) } }
        } else if let m = ctx.mapping(node, allowed: LoadThreshold.Metric.allCases.map(\.rawValue), what: "thresholds") {
            for pair in m.pairs {
                guard let metric = pair.key.scalarValue, let items = ctx.sequence(pair.value, what: "thresholds of \(metric)") else { continue }
                for item in items { if let text = ctx.string(item, what: "threshold") { entries.append((metric + ":" + text, item)) } }
            }
        }
        var out: [LoadThreshold] = []
        for (text, item) in entries {
            do {
                out.append(try LoadThreshold.parse(text))
            } catch let error as LoadThreshold.ParseError {
                var location = item.location
                let prefix = text.count - (item.scalarValue?.count ?? text.count)
                location.column += max(0, error.column - 1 - prefix) + (item.scalar?.style.isQuotedOrBlock == true ? 1 : 0)
                ctx.report(.error("load/threshold", error.message, at: location))
            } catch {
                ctx.error("load/threshold", "\(error)", at: item)
            }
        }
        return out
    }

    private mutating func thinkTime(_ node: YAMLNode) -> ClosedRange<Double>? {
        if node.mapping != nil {
            guard let m = ctx.mapping(node, allowed: ["min", "max"], what: "think_time"),
                  let low = ctx.required("min", in: m, what: "think_time").flatMap({ duration($0, what: "min") }),
                  let high = ctx.required("max", in: m, what: "think_time").flatMap({ duration($0, what: "max") }) else { return nil }
            guard low <= high else {
                ctx.error("load/think-time", "think_time min is larger than max", at: node)
                return nil
            }
            return low...high
        }
        return duration(node, what: "think_time").map { $0...$0 }
    }

    /// A duration such as `30s`, `1m30s` or `500ms`, in seconds.
    private mutating func duration(_ node: YAMLNode, what: String) -> Double? {
        guard let text = ctx.string(node, what: what) else { return nil }
        do {
            return Double(try Duration.parse(text).milliseconds) / 1000
        } catch {
            ctx.error("load/duration", "\(what) \"\(text)\" is not a duration (30s, 1m30s, 500ms): \(error)", at: node)
            return nil
        }
    }
}
