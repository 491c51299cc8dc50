/// The number of virtual users a ramping run wants at each instant: linear from the previous
/// stage's target (or `startVUs`) to the stage's target over its duration, as k6's `ramping-vus`.
public struct VUSchedule: Sendable, Hashable {
    public var startVUs: Int
    public var stages: [LoadScenario.Stage]

    public init(startVUs: Int, stages: [LoadScenario.Stage]) {
        self.startVUs = startVUs
        self.stages = stages
    }

    /// Seconds until the end of the last stage.
    public var duration: Double { stages.reduce(0) { $0 + $1.duration } }

    /// VUs wanted `t` seconds after the start (0 after the end).
    public func target(at t: Double) -> Int {
        guard t >= 0 else { return startVUs }
        var from = Double(startVUs)
        var begin = 0.0
        for stage in stages {
            let end = begin + stage.duration
            if t < end {
                let fraction = stage.duration > 0 ? (t - begin) / stage.duration : 1
                return Int((from + (Double(stage.target) - from) * fraction).rounded(.down))
            }
            from = Double(stage.target)
            begin = end
        }
        return t <= begin ? Int(from) : 0
    }
}
