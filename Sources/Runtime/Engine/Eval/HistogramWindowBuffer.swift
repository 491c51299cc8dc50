import PromModel
import Storage

/// The histogram samples of one series as a range function's window slides over them: samples are
/// decoded from the series' chunks only as the window reaches them and dropped once it has passed,
/// so a long range holds about one window of decoded histograms, not the whole series.
///
/// `window` is a slice of `points`, and `startTimes` is index for index with `points` (0 = none), as
/// the start-timestamp-aware functions expect.
struct HistogramWindowBuffer {
    private enum Source {
        case stored(HistogramSampleIterator)
        case given([HistogramPoint], Int)
    }

    private var source: Source
    private var pending: HistogramSample?
    private(set) var points: [HistogramPoint] = []
    private(set) var startTimes: [Int64] = []
    private(set) var lo = 0
    private(set) var hi = 0
    /// The index of the newest sample with a start timestamp, -1 when none.
    private var lastStartTime = -1
    /// The most samples held at once.
    private(set) var peak = 0

    /// A buffer decoding `series`' histogram chunks.
    init(series: Series) {
        source = .stored(series.makeHistogramIterator())
        pending = pull()
    }

    /// A buffer over histograms already in memory (subqueries, computed hints).
    init(points: [HistogramPoint]) {
        source = .given(points, 0)
        pending = pull()
    }

    private mutating func pull() -> HistogramSample? {
        switch source {
        case .stored(var it):
            let s = it.next()
            source = .stored(it)
            return s
        case .given(let ps, let i):
            guard i < ps.count else { return nil }
            source = .given(ps, i + 1)
            return HistogramSample(t: ps[i].t, h: ps[i].h)
        }
    }

    /// Moves the window to `(from, to]`; both bounds must not decrease between calls.
    mutating func slide(from: Int64, to: Int64) {
        while let p = pending, p.t <= to {
            points.append(HistogramPoint(t: p.t, h: p.h))
            startTimes.append(p.st)
            if p.st != 0 { lastStartTime = points.count - 1 }
            hi += 1
            pending = pull()
        }
        while lo < hi && points[lo].t <= from { lo += 1 }
        // Drop what the window has passed once it is most of the buffer.
        if lo >= 256 && lo * 2 >= points.count {
            points.removeFirst(lo)
            startTimes.removeFirst(lo)
            lastStartTime -= lo
            hi -= lo
            lo = 0
        }
        peak = max(peak, points.count)
    }

    /// The histograms in the window.
    var window: ArraySlice<HistogramPoint> { points[lo..<hi] }

    /// Whether a sample in the window has a start timestamp.
    var windowHasStartTimes: Bool { lastStartTime >= lo && lo < hi }
}
