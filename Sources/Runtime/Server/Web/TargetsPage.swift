import Foundation

/// The targets page: every scrape pool with its targets' health, labels, last scrape and last error.
enum TargetsPage {
    static func response(_ server: LabServer) -> HTTPServerResponse {
        let targets = server.scrapeManager.activeTargets()
        let now = SystemClock().milliseconds
        var body = "<h1>Targets</h1>"
        let pools = Dictionary(grouping: targets, by: \.scrapePool)
        let up = targets.filter { $0.health == .up }.count
        body += "<p class=\"muted\">\(targets.count) targets in \(pools.count) pools, \(up) up</p>"
        for error in server.scrapeManager.discoveryErrors() {
            body += "<p class=\"warning\">\(WebPage.escape(error))</p>"
        }
        for pool in pools.keys.sorted() {
            let members = pools[pool] ?? []
            let poolUp = members.filter { $0.health == .up }.count
            body += "<h2 id=\"pool-\(WebPage.escape(pool))\">\(WebPage.escape(pool)) (\(poolUp)/\(members.count) up)</h2>"
            body += "<table><tr><th>Endpoint</th><th>State</th><th>Labels</th><th>Last scrape</th><th>Duration</th><th>Error</th></tr>"
            for t in members.sorted(by: { $0.scrapeURL < $1.scrapeURL }) {
                let state = "\(t.health)"
                let lastScrape = t.lastScrape.map { Int64($0.timeIntervalSince1970 * 1000) }
                body += "<tr><td><a href=\"\(WebPage.escape(t.scrapeURL))\">\(WebPage.escape(t.scrapeURL))</a></td>"
                    + "<td><span class=\"badge \(WebPage.escape(state))\">\(WebPage.escape(state.uppercased()))</span></td>"
                    + "<td><code>\(WebPage.escape(t.target.labels.description))</code></td>"
                    + "<td>\(WebPage.ago(lastScrape, now: now))</td>"
                    + "<td class=\"num\">" + String(format: "%.3f s", t.lastScrapeDuration) + "</td>"
                    + "<td>\(WebPage.escape(t.lastError))</td></tr>"
            }
            body += "</table>"
        }
        if targets.isEmpty { body += "<p>No targets: the configuration has no scrape_configs with targets.</p>" }
        return WebPage.response(title: "Targets", active: "/targets", body: body)
    }
}
