/// A metric family: the metadata lines (`# HELP`, `# TYPE`, `# UNIT`) and the samples that follow.
public struct MetricFamily: Sendable, Hashable {
    /// The family name as the `# TYPE` line gives it (for an OpenMetrics counter, without `_total`).
    public var name: String
    /// The declared type (`unknown` without a `# TYPE` line).
    public var type: MetricType
    /// The unescaped HELP text, when declared.
    public var help: String?
    /// OpenMetrics unit (`seconds`), when declared.
    public var unit: String?
    /// The family's samples, in input order.
    public var samples: [MetricSample]
    /// The 1-based line where the family starts (0 when built in code); not part of equality.
    public var line: Int

    /// A family with the given metadata and samples.
    public init(name: String, type: MetricType = .unknown, help: String? = nil, unit: String? = nil,
                samples: [MetricSample] = [], line: Int = 0) {
        self.name = name
        self.type = type
        self.help = help
        self.unit = unit
        self.samples = samples
        self.line = line
    }

    /// Equality ignoring `line`.
    public static func == (lhs: MetricFamily, rhs: MetricFamily) -> Bool {
        lhs.name == rhs.name && lhs.type == rhs.type && lhs.help == rhs.help && lhs.unit == rhs.unit
            && lhs.samples == rhs.samples
    }

    /// Hashes name, type and sample count, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(type)
        hasher.combine(samples.count)
    }

    /// The suffix of `sampleName` relative to the family name (`""`, `_total`, `_bucket`, ...).
    public func suffix(of sampleName: String) -> String {
        sampleName.hasPrefix(name) ? String(sampleName.dropFirst(name.count)) : sampleName
    }
}
