import Diagnostics
import Foundation
import PromModel

// MARK: - Status

extension PrometheusAPI {
    /// `/api/v1/status/config`: `{"yaml": <the configuration file>}`.
    func statusConfig() -> HTTPServerResponse {
        Self.success("{\"yaml\":" + QueryResultJSON.quote(context.configYAML()) + "}")
    }

    /// `/api/v1/status/flags`: the flags as an object sorted by name.
    func statusFlags() -> HTTPServerResponse {
        Self.success("{" + context.flags.keys.sorted()
            .map { QueryResultJSON.quote($0) + ":" + QueryResultJSON.quote(context.flags[$0] ?? "") }
            .joined(separator: ",") + "}")
    }

    /// `/api/v1/status/buildinfo`.
    func statusBuildInfo() -> HTTPServerResponse {
        let b = context.buildInfo
        return Self.success("{\"version\":" + QueryResultJSON.quote(b.version) + ",\"revision\":" + QueryResultJSON.quote(b.revision)
                            + ",\"branch\":" + QueryResultJSON.quote(b.branch) + ",\"buildUser\":" + QueryResultJSON.quote(b.buildUser)
                            + ",\"buildDate\":" + QueryResultJSON.quote(b.buildDate)
                            + ",\"goVersion\":" + QueryResultJSON.quote(b.goVersion) + "}")
    }

    /// `/api/v1/status/runtimeinfo`, with Prometheus's keys (Go runtime fields filled with labctl's nearest facts).
    func statusRuntimeInfo() -> HTTPServerResponse {
        let reload = context.lastReload()
        let cwd = FileManager.default.currentDirectoryPath
        let host = ProcessInfo.processInfo.hostName
        return Self.success("{\"startTime\":" + QueryResultJSON.quote(APITime.format(context.startTime))
                            + ",\"CWD\":" + QueryResultJSON.quote(cwd) + ",\"hostname\":" + QueryResultJSON.quote(host)
                            + ",\"serverTime\":" + QueryResultJSON.quote(APITime.format(Date()))
                            + ",\"reloadConfigSuccess\":\(reload.success)"
                            + ",\"lastConfigTime\":" + QueryResultJSON.quote(APITime.format(reload.time))
                            + ",\"corruptionCount\":0,\"goroutineCount\":\(Self.threadCount())"
                            + ",\"GOMAXPROCS\":\(ProcessInfo.processInfo.activeProcessorCount)"
                            + ",\"GOMEMLIMIT\":\(Int64.max),\"GOGC\":\"\",\"GODEBUG\":\"\""
                            + ",\"storageRetention\":" + QueryResultJSON.quote(context.storageRetention) + "}")
    }

    /// `/api/v1/status/tsdb`: head statistics and the top `limit` (default 10) cardinalities.
    func statusTSDB(_ r: HTTPServerRequest) throws -> HTTPServerResponse {
        var limit = 10
        if let text = r.formValue("limit"), !text.isEmpty {
            guard let value = Int(text), value >= 1 else { throw APIError(.badData, "limit must be a positive number") }
            limit = value
        }
        let stats = storage.stats()
        let all = storage.allSeriesLabels()
        var byMetric: [String: Int] = [:]
        var valuesByName: [String: Set<String>] = [:]
        var bytesByName: [String: Int] = [:]
        var byPair: [String: Int] = [:]
        for labels in all {
            if let name = labels.metricName { byMetric[name, default: 0] += 1 }
            for label in labels {
                byPair[label.name + "=" + label.value, default: 0] += 1
                if valuesByName[label.name, default: []].insert(label.value).inserted {
                    bytesByName[label.name, default: 0] += label.value.utf8.count
                }
            }
        }
        func top(_ counts: [String: Int]) -> String {
            let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit)
            return "[" + sorted.map { "{\"name\":" + QueryResultJSON.quote($0.key) + ",\"value\":\($0.value)}" }
                .joined(separator: ",") + "]"
        }
        let head = "{\"numSeries\":\(stats.seriesCount),\"numLabelPairs\":\(byPair.count)"
            + ",\"chunkCount\":\(stats.chunkCount),\"minTime\":\(stats.minTime ?? Int64.max)"
            + ",\"maxTime\":\(stats.maxTime ?? Int64.min)}"
        return Self.success("{\"headStats\":" + head + ",\"seriesCountByMetricName\":" + top(byMetric)
                            + ",\"labelValueCountByLabelName\":" + top(valuesByName.mapValues(\.count))
                            + ",\"memoryInBytesByLabelName\":" + top(bytesByName)
                            + ",\"seriesCountByLabelValuePair\":" + top(byPair) + "}")
    }

    /// The process's threads (Linux `/proc/self/status`), standing in for Go's goroutine count.
    static func threadCount() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("Threads:") {
            return Int(line.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return 0
    }
}
