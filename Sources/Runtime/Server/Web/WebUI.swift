import Foundation
import PromModel
import PromQL

/// labctl's web page for a running ``LabServer``: an expression box with the result as a table or an
/// SVG chart, and pages for targets, rules, alerts and the configuration. Server-rendered HTML that
/// works without JavaScript — enough to do Lab 2 (queries) and Lab 7 (alerts) in a browser.
public struct WebUI: HTTPRequestHandler {
    let server: LabServer
    /// Most rows of a result table (the rest is counted, not shown).
    public static let maxRows = 2000

    public init(server: LabServer) {
        self.server = server
    }

    /// Whether `path` is one of the web pages.
    public static func handles(_ path: String) -> Bool {
        ["/", "/query", "/graph", "/targets", "/rules", "/alerts", "/config"].contains(path)
    }

    public func handle(_ request: HTTPServerRequest) -> HTTPServerResponse {
        guard request.method == "GET" || request.method == "HEAD" || request.method == "POST" else {
            return .plain(405, "method not allowed\n")
        }
        switch request.path {
        case "/": return HTTPServerResponse(status: 302, headers: [("Location", "/query")])
        case "/query", "/graph": return QueryPage(server: server, request: request).response()
        case "/targets": return TargetsPage.response(server)
        case "/rules": return RulesPage.response(server)
        case "/alerts": return AlertsPage.response(server)
        case "/config":
            let text = server.configuration.prometheusText
            return WebPage.response(title: "Configuration", active: "/config",
                                    body: "<h1>Configuration</h1><p class=\"muted\">\(WebPage.escape(server.options.configPath))</p><pre>\(WebPage.escape(text))</pre>")
        default: return .plain(404, "404 page not found\n")
        }
    }
}
