import Foundation

/// Runs a ``LoadScenario``: virtual users on their own threads, each with a kept-alive connection,
/// send the scenario's requests (chosen by weight) until the stages end, the request limit is
/// reached or ``stop()`` is called. Requests in flight at the end are waited for (each is bounded
/// by the request timeout) and counted, so the count equals what the server saw.
public final class LoadRunner: @unchecked Sendable {
    /// A snapshot for the live progress line.
    public struct Progress: Sendable {
        public var elapsed: Double
        public var duration: Double
        public var vus: Int
        public var requests: Int
        /// Requests per second over the last interval.
        public var recentRate: Double
        /// p95 latency so far, in milliseconds.
        public var p95: Double
        public var errorRate: Double
        /// Everything measured so far (for `--remote-write`).
        public var summary: LoadSummary
    }

    private struct PreparedTarget {
        var request: HTTPRequest
        var url: String
        /// Set when the URL has `{rand:…}` placeholders.
        var template: LoadURLTemplate?
        var cumulativeWeight: Int
    }

    public let scenario: LoadScenario
    private let targets: [PreparedTarget]
    private let totalWeight: Int
    private let condition = NSCondition()
    private var summary = LoadSummary()
    private var stopped = false
    private var reserved = 0
    private var desiredVUs = 0
    private var running = 0
    private var idle = 0
    private var tokens = 0
    private let group = DispatchGroup()
    private let seed: UInt64
    /// Seconds between two looks of the controller at the schedule.
    public var tick = 0.01

    /// A runner for `scenario`.
    /// - Throws: ``LoadError`` when the scenario has ``LoadScenario/problems()``.
    public init(scenario: LoadScenario) throws {
        let problems = scenario.problems()
        guard problems.isEmpty else { throw LoadError(problems.joined(separator: "; ")) }
        self.scenario = scenario
        var prepared: [PreparedTarget] = []
        var sum = 0
        for target in scenario.targets {
            sum += target.weight
            let template = try LoadURLTemplate(target.url)
            let request = try HTTPRequest(url: template.lowest, method: target.method,
                                          headers: target.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                                          body: Array(target.body.utf8))
            prepared.append(PreparedTarget(request: request, url: target.url, template: template.isTemplate ? template : nil,
                                           cumulativeWeight: sum))
        }
        targets = prepared
        totalWeight = max(1, sum)
        var system = SystemRandomNumberGenerator()
        seed = scenario.seed ?? system.next()
    }

    /// Ends the run early (from another thread or a signal handler's thread).
    public func stop() {
        condition.lock()
        if !stopped { summary.stoppedEarly = summary.stoppedEarly ?? "stopped" }
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// Runs the scenario to its end and returns what it measured, thresholds evaluated.
    /// `progress` is called about every `progressInterval` seconds from the calling thread.
    public func run(progressInterval: Double = 1, progress: ((Progress) -> Void)? = nil) -> LoadSummary {
        let start = Self.now()
        let duration = scenario.duration
        var lastProgress = start
        var lastRequests = 0
        var arrivals = 0
        while true {
            let t = Self.now() - start
            condition.lock()
            if stopped || t >= duration {
                stopped = true
                condition.broadcast()
                condition.unlock()
                break
            }
            switch scenario.executor {
            case .rampingVUs(let startVUs, let stages):
                let wanted = VUSchedule(startVUs: startVUs, stages: stages).target(at: t)
                if wanted != desiredVUs {
                    desiredVUs = wanted
                    while running < desiredVUs { spawn(index: running, arrival: false) }
                    condition.broadcast()
                }
            case .constantArrivalRate(let rate, let unit, _, let preAllocated, let maxVUs):
                while running < preAllocated { spawn(index: running, arrival: true) }
                let due = Int((t * rate / unit).rounded(.down)) + 1
                let granted = arrivals < due
                while arrivals < due {
                    arrivals += 1
                    if tokens < idle {
                        tokens += 1
                    } else if running < maxVUs {
                        spawn(index: running, arrival: true)
                        tokens += 1
                    } else {
                        summary.droppedIterations += 1
                    }
                }
                desiredVUs = running - idle + tokens
                if granted { condition.broadcast() }
            }
            sampleTimeline(at: t)
            let snapshot = progress == nil ? nil : snapshotIfDue(now: Self.now(), last: &lastProgress, lastRequests: &lastRequests,
                                                                  interval: progressInterval, elapsed: t)
            condition.unlock()
            if let snapshot { progress?(snapshot) }
            Thread.sleep(forTimeInterval: tick)
        }
        // Requests in flight finish within their timeout.
        _ = group.wait(timeout: .now() + scenario.timeout + 2)
        condition.lock()
        var result = summary
        result.seconds = max(Self.now() - start, 1e-9)
        result.timeline.append(LoadSummary.VUSample(time: result.seconds, vus: 0))
        condition.unlock()
        result.evaluate(scenario.thresholds)
        return result
    }

    // MARK: - The controller's helpers (called with the condition locked)

    private func spawn(index: Int, arrival: Bool) {
        running += 1
        summary.maxVUs = max(summary.maxVUs, running)
        group.enter()
        let thread = Thread { [self] in
            self.virtualUser(index: index, arrival: arrival)
            self.group.leave()
        }
        thread.stackSize = 512 * 1024
        thread.start()
    }

    private func sampleTimeline(at t: Double) {
        let active: Int
        if case .constantArrivalRate = scenario.executor { active = running - idle } else { active = min(desiredVUs, running) }
        if let last = summary.timeline.last, last.vus == active, t - last.time < 0.25 { return }
        summary.timeline.append(LoadSummary.VUSample(time: t, vus: active))
        if summary.timeline.count > 4000 {
            summary.timeline = summary.timeline.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        }
    }

    private func snapshotIfDue(now: Double, last: inout Double, lastRequests: inout Int, interval: Double, elapsed: Double) -> Progress? {
        guard now - last >= interval else { return nil }
        let rate = Double(summary.requests - lastRequests) / max(now - last, 1e-9)
        last = now
        lastRequests = summary.requests
        let vus: Int
        if case .constantArrivalRate = scenario.executor { vus = running - idle } else { vus = min(desiredVUs, running) }
        var current = summary
        current.timeline = []
        current.seconds = elapsed
        return Progress(elapsed: elapsed, duration: scenario.duration, vus: vus, requests: summary.requests, recentRate: rate,
                        p95: summary.latency.percentile(95) / 1000, errorRate: summary.errorRate, summary: current)
    }

    // MARK: - Virtual users

    private func virtualUser(index: Int, arrival: Bool) {
        let client = HTTPKeepAliveClient()
        let random = SeededRandom(seed: seed &+ UInt64(index) &* 0x9E37_79B9)
        defer {
            condition.lock()
            summary.connections += client.connectionsOpened
            condition.unlock()
        }
        while true {
            guard waitForTurn(index: index, arrival: arrival) else { return }
            guard let target = pick(random.unit()) else { return }
            var request = target.request
            if let template = target.template, let drawn = try? HTTPRequest(url: template.render(random.unit)) {
                request.target = drawn.target
            }
            let started = Self.now()
            var outcome: (status: Int, sent: Int, received: Int, error: HTTPClientError?)
            do {
                let exchange = try client.send(request, timeout: scenario.timeout)
                outcome = (exchange.response.status, exchange.bytesSent, exchange.bytesReceived, nil)
            } catch let error as HTTPClientError {
                outcome = (0, 0, 0, error)
            } catch {
                outcome = (0, 0, 0, HTTPClientError(.io, "\(error)"))
            }
            let micros = UInt64(max(0, (Self.now() - started) * 1_000_000))
            record(url: target.url, micros: micros, outcome: outcome)
            if !arrival { think(random) }
        }
    }

    /// Blocks until this VU may start an iteration; false when the run is over.
    private func waitForTurn(index: Int, arrival: Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if arrival { idle += 1 }
        defer { if arrival { idle -= 1 } }
        while true {
            if stopped { return false }
            let mayRun = arrival ? tokens > 0 : index < desiredVUs
            if mayRun {
                guard reserved < scenario.maxRequests else {
                    summary.stoppedEarly = "max requests (\(scenario.maxRequests)) reached"
                    stopped = true
                    condition.broadcast()
                    return false
                }
                reserved += 1
                if arrival { tokens -= 1 }
                return true
            }
            _ = condition.wait(until: Date().addingTimeInterval(0.05))
        }
    }

    private func pick(_ unit: Double) -> PreparedTarget? {
        let point = Int(unit * Double(totalWeight))
        return targets.first { point < $0.cumulativeWeight } ?? targets.last
    }

    private func record(url: String, micros: UInt64, outcome: (status: Int, sent: Int, received: Int, error: HTTPClientError?)) {
        condition.lock()
        defer { condition.unlock() }
        summary.requests += 1
        summary.statuses[outcome.status, default: 0] += 1
        summary.perTarget[url, default: 0] += 1
        summary.latency.record(micros)
        summary.bytesSent += outcome.sent
        summary.bytesReceived += outcome.received
        if outcome.status == 0 || outcome.status >= 400 { summary.failed += 1 }
        if let error = outcome.error {
            if error.kind == .timeout { summary.timeouts += 1 }
            if summary.transportErrors.count < 5, !summary.transportErrors.contains(error.message) {
                summary.transportErrors.append(error.message)
            }
        }
    }

    /// Sleeps the think time, waking early when the run stops.
    private func think(_ random: SeededRandom) {
        let range = scenario.thinkTime
        let pause = range.lowerBound + (range.upperBound - range.lowerBound) * random.unit()
        guard pause > 0 else { return }
        let until = Date().addingTimeInterval(pause)
        condition.lock()
        defer { condition.unlock() }
        while !stopped, Date() < until { _ = condition.wait(until: until) }
    }

    static func now() -> Double { MonotonicClock.seconds() }
}

/// A load run that cannot start (bad scenario, refused target).
public struct LoadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
