/// One coverage-guided fuzz target: a name and an entry point that takes arbitrary bytes.
///
/// The entry point must never crash, hang or use unbounded memory, whatever the bytes. It returns
/// the properties the input broke (such as "print → parse gives the same tree"); an empty list means
/// the input was handled correctly. `Fuzz/` runs each target under libFuzzer, and the regression
/// test `FuzzRegressionTests` replays the inputs the fuzzer found through the same entry points.
public struct FuzzTarget: Sendable {
    /// The target's name: the folder of its corpus, dictionary and regression inputs.
    public let name: String
    /// What the target feeds the bytes to.
    public let summary: String
    private let body: @Sendable ([UInt8]) -> [String]

    public init(name: String, summary: String, body: @escaping @Sendable ([UInt8]) -> [String]) {
        self.name = name
        self.summary = summary
        self.body = body
    }

    /// Runs the target on `bytes`; returns the broken properties (empty when none).
    public func run(_ bytes: [UInt8]) -> [String] { body(bytes) }
}
