import LabctlTestSupport
import PromModel
@testable import Storage

/// Random native histograms and series of them, for round trips.
enum HistogramTestSupport {
    static let hints: [FloatHistogram.CounterResetHint] = [.unknown, .counterReset, .notCounterReset, .gauge]

    /// A random histogram: any schema, threshold and layout, integer or float counts, odd floats now and then.
    static func random(_ rng: inout SeededRandom) -> FloatHistogram {
        let custom = Int.random(in: 0..<8, using: &rng) == 0
        var h = FloatHistogram()
        h.schema = custom ? FloatHistogram.customBucketsSchema : Int32.random(in: -4...8, using: &rng)
        h.zeroThreshold = [0, 1e-128, 0.001, 2.938735877055719e-39, 0.5, 3][Int.random(in: 0..<6, using: &rng)]
        h.counterResetHint = hints[Int.random(in: 0..<4, using: &rng)]
        let integer = Bool.random(using: &rng)
        h.positive = buckets(Int.random(in: 0...30, using: &rng), integer, &rng)
        if custom {
            h.customValues = (0..<Int.random(in: 0...12, using: &rng)).map { Double($0) * 0.25 + 0.1 }
        } else {
            h.negative = buckets(Int.random(in: 0...6, using: &rng), integer, &rng)
            h.zeroCount = count(integer, &rng)
        }
        h.count = count(integer, &rng)
        h.sum = Bool.random(using: &rng) ? Double.random(in: -1e9...1e9, using: &rng) : Double(Int.random(in: 0...100, using: &rng))
        return h
    }

    private static func count(_ integer: Bool, _ rng: inout SeededRandom) -> Double {
        if integer { return Double(Int.random(in: 0...1_000_000, using: &rng)) }
        switch Int.random(in: 0..<20, using: &rng) {
        case 0: return .nan
        case 1: return -0.0
        case 2: return .infinity
        default: return Double.random(in: 0...1e6, using: &rng)
        }
    }

    private static func buckets(_ n: Int, _ integer: Bool, _ rng: inout SeededRandom) -> [HistogramBucket] {
        var out: [HistogramBucket] = []
        var index = Int32.random(in: -20...20, using: &rng)
        for _ in 0..<n {
            out.append(HistogramBucket(index: index, count: count(integer, &rng)))
            index += Bool.random(using: &rng) ? 1 : Int32.random(in: 1...5, using: &rng)
        }
        return out
    }

    /// A counter histogram growing by a few observations a step over `buckets` consecutive buckets.
    static func counterSeries(steps: Int, buckets: Int, _ rng: inout SeededRandom) -> [FloatHistogram] {
        var h = FloatHistogram(schema: 3, zeroThreshold: 2.938735877055719e-39,
                               positive: (0..<buckets).map { HistogramBucket(index: Int32($0) - 5, count: 0) })
        var out: [FloatHistogram] = []
        for _ in 0..<steps {
            let n = Int.random(in: 0...40, using: &rng)
            for _ in 0..<n {
                let i = min(buckets - 1, Int.random(in: 0..<buckets, using: &rng) / 2 + Int.random(in: 0..<buckets, using: &rng) / 2)
                h.positive[i].count += 1
                h.sum += Double.random(in: 0.001...2, using: &rng)
            }
            h.count += Double(n)
            out.append(h)
        }
        return out
    }

    /// The samples of a chunk, compared bit for bit.
    static func equal(_ a: [HistogramSample], _ b: [HistogramSample]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.t == $1.t && $0.h.bitwiseEquals($1.h) }
    }
}
