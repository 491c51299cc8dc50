/// The running state of one aggregation at one step, fed the values of the group's series in input
/// order; gives the same result, bit for bit, as `Evaluator.aggregate` over the collected values.
protocol StepFold {
    init()
    /// Adds the next value; `first` is true for the group's first value at this step.
    mutating func add(_ x: Double, first: Bool)
    /// The aggregate of the `count` values added.
    func value(count: Int32) -> Double
}

// MARK: - Folds

/// `sum`: compensated summation.
struct KahanFold: StepFold {
    var k = KahanSum()
    @inline(__always) mutating func add(_ x: Double, first: Bool) { k.add(x) }
    @inline(__always) func value(count: Int32) -> Double { k.value }
}

extension MeanAccumulator: StepFold {
    @inline(__always) mutating func add(_ x: Double, first: Bool) { add(x) }
    @inline(__always) func value(count: Int32) -> Double { value }
}

/// `count`: the number of values.
struct CountFold: StepFold {
    @inline(__always) mutating func add(_ x: Double, first: Bool) {}
    @inline(__always) func value(count: Int32) -> Double { Double(count) }
}

/// `group`: 1 wherever the group has a value.
struct GroupFold: StepFold {
    @inline(__always) mutating func add(_ x: Double, first: Bool) {}
    @inline(__always) func value(count: Int32) -> Double { 1 }
}

/// `min`: a NaN is replaced by any later value.
struct MinFold: StepFold {
    var m = 0.0
    @inline(__always) mutating func add(_ x: Double, first: Bool) { if first || x < m || m.isNaN { m = x } }
    @inline(__always) func value(count: Int32) -> Double { m }
}

/// `max`: a NaN is replaced by any later value.
struct MaxFold: StepFold {
    var m = 0.0
    @inline(__always) mutating func add(_ x: Double, first: Bool) { if first || x > m || m.isNaN { m = x } }
    @inline(__always) func value(count: Int32) -> Double { m }
}

/// Whether a variance fold reports the standard deviation or the variance.
protocol VarianceOutput { static var isStddev: Bool { get } }
enum StddevOutput: VarianceOutput { static var isStddev: Bool { true } }
enum StdvarOutput: VarianceOutput { static var isStddev: Bool { false } }

/// `stddev` and `stdvar`: Welford's running mean and squared deviations, compensated.
struct VarianceFold<Output: VarianceOutput>: StepFold {
    var count = 0.0, mean = 0.0, cMean = 0.0, aux = 0.0, cAux = 0.0
    @inline(__always) mutating func add(_ x: Double, first: Bool) {
        count += 1
        let delta = x - (mean + cMean)
        (mean, cMean) = KahanSum.increment(delta / count, mean, cMean)
        (aux, cAux) = KahanSum.increment(delta * (x - (mean + cMean)), aux, cAux)
    }
    @inline(__always) func value(count: Int32) -> Double {
        let variance = (aux + cAux) / self.count
        return Output.isStddev ? variance.squareRoot() : variance
    }
}
