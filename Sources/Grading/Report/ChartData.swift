/// The student's query against the reference over a scenario, for the HTML report's chart.
public struct ChartData: Sendable, Hashable {
    /// One line of the chart.
    public struct Line: Sendable, Hashable {
        /// The series' labels as `{a="b"}` text.
        public var label: String
        /// `(seconds since the scenario start, value)`; NaN and infinities are left out.
        public var points: [Point]

        public init(label: String, points: [Point]) {
            self.label = label
            self.points = points
        }
    }

    /// One point of a line.
    public struct Point: Sendable, Hashable {
        public var time: Double
        public var value: Double

        public init(time: Double, value: Double) {
            self.time = time
            self.value = value
        }
    }

    /// The scenario's name.
    public var scenario: String
    public var expected: [Line]
    public var actual: [Line]

    public init(scenario: String, expected: [Line], actual: [Line]) {
        self.scenario = scenario
        self.expected = expected
        self.actual = actual
    }
}
