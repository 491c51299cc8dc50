import GoCompat
import Diagnostics
import PromModel

// MARK: - Targets

extension PrometheusAPI {
    /// `/api/v1/targets`: `state=active|dropped|any` (default any), `scrapePool`.
    func targets(_ r: HTTPServerRequest) -> HTTPServerResponse {
        let pool = r.queryItems.first { $0.name == "scrapePool" }?.value ?? ""
        let state = (r.queryItems.first { $0.name == "state" }?.value ?? "").lowercased()
        let showActive = state.isEmpty || state == "any" || state == "active"
        let showDropped = state.isEmpty || state == "any" || state == "dropped"
        var active: [String] = []
        var dropped: [String] = []
        var droppedCounts: [String: Int] = [:]
        if showActive, let manager = context.scrapeManager {
            let targets = manager.activeTargets().filter { pool.isEmpty || $0.scrapePool == pool }
            // Prometheus lists pools in name order, each pool's targets in discovery order.
            let pools = Dictionary(grouping: targets, by: \.scrapePool)
            for name in pools.keys.sorted() {
                for t in pools[name] ?? [] { active.append(Self.targetJSON(t)) }
            }
        }
        if showDropped, let manager = context.scrapeManager {
            let list = manager.droppedTargets().filter { pool.isEmpty || $0.job == pool }
            for (job, labels) in list.sorted(by: { $0.job < $1.job }) {
                dropped.append("{\"discoveredLabels\":" + QueryResultJSON.metric(labels)
                               + ",\"scrapePool\":" + QueryResultJSON.quote(job) + "}")
                droppedCounts[job, default: 0] += 1
            }
        }
        let counts = showDropped
            ? "{" + droppedCounts.keys.sorted().map { QueryResultJSON.quote($0) + ":\(droppedCounts[$0] ?? 0)" }
                .joined(separator: ",") + "}"
            : "null"
        return Self.success("{\"activeTargets\":[" + active.joined(separator: ",") + "],\"droppedTargets\":["
                            + dropped.joined(separator: ",") + "],\"droppedTargetCounts\":" + counts + "}")
    }

    /// `/api/v1/alertmanagers`: labctl's rule manager sends through closures, so both lists are empty.
    func alertmanagers() -> HTTPServerResponse {
        Self.success("{\"activeAlertmanagers\":[],\"droppedAlertmanagers\":[]}")
    }

    /// One active target as Prometheus's `Target` JSON.
    static func targetJSON(_ t: TargetHealth) -> String {
        let lastScrape = t.lastScrape.map { APITime.format($0) } ?? APITime.zeroTime
        return "{\"discoveredLabels\":" + QueryResultJSON.metric(t.target.discoveredLabels)
            + ",\"labels\":" + QueryResultJSON.metric(t.target.labels)
            + ",\"scrapePool\":" + QueryResultJSON.quote(t.scrapePool)
            + ",\"scrapeUrl\":" + QueryResultJSON.quote(t.scrapeURL)
            + ",\"globalUrl\":" + QueryResultJSON.quote(t.scrapeURL)
            + ",\"lastError\":" + QueryResultJSON.quote(t.lastError)
            + ",\"lastScrape\":" + QueryResultJSON.quote(lastScrape)
            + ",\"lastScrapeDuration\":" + GoFloatFormat.json(t.lastScrapeDuration)
            + ",\"health\":" + QueryResultJSON.quote(t.health.rawValue)
            + ",\"scrapeInterval\":" + QueryResultJSON.quote(t.scrapeInterval)
            + ",\"scrapeTimeout\":" + QueryResultJSON.quote(t.scrapeTimeout) + "}"
    }
}
