import Foundation
import PromModel
import Storage

extension RemoteWriteQueue {
    /// What one attempt's outcome means.
    enum Outcome: Equatable {
        case accepted, retry(String), reject(String)
    }

    /// The write request of `batch`: one time series per label set, samples in arrival order.
    static func request(_ batch: [RemoteWriteSample]) -> RemoteWriteRequest {
        var index: [Labels: Int] = [:]
        var series: [RemoteWriteRequest.TimeSeries] = []
        for sample in batch {
            if let i = index[sample.labels] {
                series[i].samples.append(Sample(t: sample.t, v: sample.v))
            } else {
                index[sample.labels] = series.count
                series.append(.init(labels: sample.labels, samples: [Sample(t: sample.t, v: sample.v)]))
            }
        }
        return RemoteWriteRequest(timeseries: series)
    }

    /// Sends `batch`, retrying recoverable failures with back-off until it is accepted, rejected,
    /// or the shard's drain deadline passes.
    func send(_ batch: [RemoteWriteSample], shard: RemoteWriteShard) {
        var post = settings.request
        post.body = Self.request(batch).encodedSnappy()
        var backoff = settings.minBackoff
        let highest = batch.reduce(Int64.min) { max($0, $1.t) }
        while true {
            let outcome = attempt(post)
            switch outcome {
            case .accepted:
                countsLock.withLock {
                    counts.sent += batch.count
                    counts.requests += 1
                    counts.highestSentTimestamp = max(counts.highestSentTimestamp, highest)
                }
                return
            case .reject(let why):
                countsLock.withLock {
                    counts.failed += batch.count
                    counts.lastError = why
                }
                return
            case .retry(let why):
                countsLock.withLock { counts.lastError = why }
                if !sleep(backoff, shard: shard) {
                    countsLock.withLock { counts.failed += batch.count }
                    return
                }
                countsLock.withLock { counts.retried += batch.count }
                backoff = min(backoff * 2, settings.maxBackoff)
            }
        }
    }

    private func attempt(_ post: HTTPRequest) -> Outcome {
        do {
            let response = try client.send(post)
            let status = response.status
            if (200..<300).contains(status) { return .accepted }
            let why = "HTTP \(status): \(response.text.prefix(200))"
            if status >= 500 || (status == 429 && settings.retryOnHTTP429) { return .retry(why) }
            return .reject(why)
        } catch let error as HTTPClientError where error.kind == .badURL || error.kind == .unsupportedScheme {
            return .reject("\(error)")
        } catch {
            return .retry("\(error)")
        }
    }

    /// Sleeps `seconds` in short steps; false when the drain deadline passed meanwhile.
    private func sleep(_ seconds: Double, shard: RemoteWriteShard) -> Bool {
        let until = Date().addingTimeInterval(seconds)
        while Date() < until {
            if shard.pastDrainDeadline { return false }
            Thread.sleep(forTimeInterval: min(0.05, max(0.001, until.timeIntervalSinceNow)))
        }
        return !shard.pastDrainDeadline
    }
}
