import GoCompat
import Diagnostics
import PromModel

// MARK: - Series, label names and label values

extension PrometheusAPI {
    /// `/api/v1/series`: `match[]` (required), `start`, `end`, `limit`.
    func series(_ r: HTTPServerRequest) throws -> HTTPServerResponse {
        let matches = r.formValues("match[]")
        guard !matches.isEmpty else { throw APIError(.badData, "no match[] parameter provided") }
        let limit = try APIParameters.limit(r)
        let start = try APIParameters.time(r, "start", default: APIParameters.minTime)
        let end = try APIParameters.time(r, "end", default: APIParameters.maxTime)
        let sets = try APIParameters.matcherSets(matches)
        var found = Set<Labels>()
        for set in sets {
            for s in try storage.select(set, mint: start, maxt: end) { found.insert(s.labels) }
        }
        var list = found.sorted()
        var warnings: [String] = []
        if limit > 0, list.count > limit {
            list = Array(list.prefix(limit))
            warnings.append("results truncated due to limit")
        }
        return Self.success("[" + list.map(QueryResultJSON.metric).joined(separator: ",") + "]", warnings: warnings)
    }

    /// `/api/v1/labels`: optional `match[]`, `start`, `end`, `limit`.
    func labelNames(_ r: HTTPServerRequest) throws -> HTTPServerResponse {
        let limit = try APIParameters.limit(r)
        let start = try APIParameters.time(r, "start", default: APIParameters.minTime)
        let end = try APIParameters.time(r, "end", default: APIParameters.maxTime)
        let sets = try APIParameters.matcherSets(r.formValues("match[]"), named: false)
        let names = try collect(sets, start: start, end: end,
                                fromIndex: { try storage.labelNames(matchers: $0) },
                                fromSeries: { $0.map(\.name) })
        return Self.stringList(names, limit: limit)
    }

    /// `/api/v1/label/NAME/values`: optional `match[]`, `start`, `end`, `limit`.
    func labelValues(_ r: HTTPServerRequest, name: String) throws -> HTTPServerResponse {
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0 != "\u{FFFD}" }) else {
            throw APIError(.badData, "invalid label name: \(GoQuoting.quote(name))")
        }
        let limit = try APIParameters.limit(r)
        let start = try APIParameters.time(r, "start", default: APIParameters.minTime)
        let end = try APIParameters.time(r, "end", default: APIParameters.maxTime)
        let sets = try APIParameters.matcherSets(r.formValues("match[]"), named: false)
        let values = try collect(sets, start: start, end: end,
                                 fromIndex: { try storage.labelValues(name, matchers: $0) },
                                 fromSeries: { labels in labels[name].map { [$0] } ?? [] })
        return Self.stringList(values, limit: limit)
    }

    /// `/api/v1/targets/metadata`: validated like Prometheus; labctl keeps no scrape metadata, so `[]`.
    func targetMetadata(_ r: HTTPServerRequest) throws -> HTTPServerResponse {
        if let text = r.formValue("limit"), !text.isEmpty, Int(text) == nil {
            throw APIError(.badData, "limit must be a number")
        }
        if let target = r.formValue("match_target"), !target.isEmpty {
            _ = try APIParameters.selector(target, parameter: "match_target")
        }
        return Self.success("[]")
    }

    /// `/api/v1/metadata`: validated like Prometheus; labctl keeps no metric metadata, so `{}`.
    func metricMetadata(_ r: HTTPServerRequest) throws -> HTTPServerResponse {
        if let text = r.formValue("limit"), !text.isEmpty, Int(text) == nil {
            throw APIError(.badData, "limit must be a number")
        }
        if let text = r.formValue("limit_per_metric"), !text.isEmpty, Int(text) == nil {
            throw APIError(.badData, "limit_per_metric must be a number")
        }
        return Self.success("{}")
    }

    // MARK: - Helpers

    /// Sorted distinct strings: from the index when no time range is given, else from the series
    /// with samples in `[start, end]` (all series when no `match[]`).
    private func collect(_ sets: [[LabelMatcher]], start: Int64, end: Int64,
                         fromIndex: ([LabelMatcher]) throws -> [String],
                         fromSeries: (Labels) -> [String]) throws -> [String] {
        let unbounded = start <= APIParameters.minTime && end >= APIParameters.maxTime
        var out = Set<String>()
        if unbounded {
            if sets.isEmpty { return try fromIndex([]) }
            for set in sets { out.formUnion(try fromIndex(set)) }
        } else {
            let all = try LabelMatcher(.regexMatch, Label.metricName, ".+")
            for set in sets.isEmpty ? [[all]] : sets {
                for s in try storage.select(set, mint: start, maxt: end) { out.formUnion(fromSeries(s.labels)) }
            }
        }
        return out.sorted()
    }

    /// A JSON array of strings, cut to `limit` with Prometheus's warning.
    static func stringList(_ list: [String], limit: Int) -> HTTPServerResponse {
        var items = list
        var warnings: [String] = []
        if limit > 0, items.count > limit {
            items = Array(items.prefix(limit))
            warnings.append("results truncated due to limit")
        }
        return success("[" + items.map { QueryResultJSON.quote($0) }.joined(separator: ",") + "]", warnings: warnings)
    }
}
