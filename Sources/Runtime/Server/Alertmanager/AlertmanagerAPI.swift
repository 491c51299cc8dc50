import Foundation
import PromModel
import YAML

/// Alertmanager's HTTP API v2 over the embedded ``Dispatcher``, enough for `amtool` and for
/// Prometheus's notifier: `/api/v2/status`, `/api/v2/receivers`, `/api/v2/alerts` (GET and POST),
/// `/api/v2/alerts/groups`, `/api/v2/silences` (GET and POST), `/api/v2/silence/{id}` (GET and
/// DELETE), and `/-/healthy`, `/-/ready`. Bodies are the shapes of Alertmanager's OpenAPI spec;
/// errors are 400 with a JSON string, as Alertmanager answers.
///
/// ```swift
/// let api = AlertmanagerAPI(dispatcher: dispatcher, configText: yaml)
/// let server = HTTPServer(configuration: .init(port: 9093), handler: api)
/// ```
public final class AlertmanagerAPI: HTTPRequestHandler, @unchecked Sendable {
    /// The dispatcher whose alerts and silences the API shows and changes.
    public let dispatcher: Dispatcher
    /// The configuration text shown by `/api/v2/status` (`config.original`).
    public let configText: String
    /// When this Alertmanager started (`uptime` in `/api/v2/status`).
    public let startTime: Date
    /// The most alerts one POST may carry.
    public var maxAlertsPerPost = 10_000

    public init(dispatcher: Dispatcher, configText: String, startTime: Date = Date()) {
        self.dispatcher = dispatcher
        self.configText = configText
        self.startTime = startTime
    }

    /// Whether `path` belongs to this API (so a combined server can route to it).
    public static func handles(_ path: String) -> Bool {
        path.hasPrefix("/api/v2/")
    }

    public func handle(_ request: HTTPServerRequest) -> HTTPServerResponse {
        let path = request.path
        let method = request.method
        switch (method, path) {
        case ("GET", "/-/healthy"), ("HEAD", "/-/healthy"): return .plain(200, "OK")
        case ("GET", "/-/ready"), ("HEAD", "/-/ready"): return .plain(200, "OK")
        case ("GET", "/api/v2/status"): return .json(200, statusJSON())
        case ("GET", "/api/v2/receivers"):
            let names = dispatcher.route.allRoutes.map(\.receiver)
            var seen = Set<String>()
            let unique = names.filter { seen.insert($0).inserted }.sorted()
            return .json(200, "[" + unique.map { "{\"name\":\(Self.quote($0))}" }.joined(separator: ",") + "]")
        case ("GET", "/api/v2/alerts"): return listAlerts(request)
        case ("POST", "/api/v2/alerts"): return postAlerts(request)
        case ("GET", "/api/v2/alerts/groups"): return listGroups(request)
        case ("GET", "/api/v2/silences"): return listSilences(request)
        case ("POST", "/api/v2/silences"): return postSilence(request)
        default:
            if path.hasPrefix("/api/v2/silence/") {
                let id = String(path.dropFirst("/api/v2/silence/".count))
                switch method {
                case "GET": return getSilence(id)
                case "DELETE": return deleteSilence(id)
                default: return Self.error(405, "method \(method) not allowed for \(path)")
                }
            }
            let known = ["/api/v2/status", "/api/v2/receivers", "/api/v2/alerts", "/api/v2/alerts/groups",
                         "/api/v2/silences"]
            if known.contains(path) { return Self.error(405, "method \(method) not allowed for \(path)") }
            return HTTPServerResponse.json(404, Self.quote("path \(path) was not found"))
        }
    }

    // MARK: - Status

    private func statusJSON() -> String {
        "{\"cluster\":{\"name\":\"\",\"peers\":[],\"status\":\"disabled\"},"
            + "\"config\":{\"original\":\(Self.quote(configText))},"
            + "\"uptime\":\(Self.quote(NotificationJSON.time(startTime))),"
            + "\"versionInfo\":{\"branch\":\"main\",\"buildDate\":\"\",\"buildUser\":\"labctl\","
            + "\"goVersion\":\"none (labctl is written in Swift)\",\"revision\":\"\",\"version\":\"labctl\"}}"
    }

    // MARK: - Alerts

    private func listAlerts(_ request: HTTPServerRequest) -> HTTPServerResponse {
        let filter: AlertListFilter
        do { filter = try AlertListFilter(request) } catch { return Self.error(400, "\(error)") }
        let now = dispatcher.clock.now
        let all = dispatcher.alerts
        var items: [String] = []
        for alert in all where !alert.isResolved(at: now) {
            let status = self.status(of: alert, among: all, at: now)
            guard filter.accepts(alert, status: status) else { continue }
            items.append(alertJSON(alert, status: status))
        }
        return .json(200, "[" + items.joined(separator: ",") + "]")
    }

    private func listGroups(_ request: HTTPServerRequest) -> HTTPServerResponse {
        let filter: AlertListFilter
        do { filter = try AlertListFilter(request) } catch { return Self.error(400, "\(error)") }
        let now = dispatcher.clock.now
        let all = dispatcher.alerts
        var groups: [String] = []
        for group in dispatcher.alertGroups {
            let members = group.alerts.filter { !$0.isResolved(at: now) }.compactMap { alert -> String? in
                let status = self.status(of: alert, among: all, at: now)
                return filter.accepts(alert, status: status) ? alertJSON(alert, status: status) : nil
            }
            if members.isEmpty { continue }
            if let receiver = filter.receiver, !receiver.matches(group.receiver) { continue }
            groups.append("{\"alerts\":[" + members.joined(separator: ",") + "],\"labels\":"
                + NotificationJSON.object(group.labels) + ",\"receiver\":{\"name\":\(Self.quote(group.receiver))}}")
        }
        return .json(200, "[" + groups.joined(separator: ",") + "]")
    }

    /// What the API says of one alert: its state and what mutes it.
    struct AlertStatus {
        var silencedBy: [String]
        var inhibitedBy: [String]
        var receivers: [String]
        var state: String { silencedBy.isEmpty && inhibitedBy.isEmpty ? "active" : "suppressed" }
    }

    /// `all` is the dispatcher's alerts, read once per request (inhibition looks through them).
    private func status(of alert: Alert, among all: [Alert], at now: Date) -> AlertStatus {
        let silenced = dispatcher.silences.silencing(alert.labels, at: now).map(\.id)
        let inhibiting = dispatcher.inhibitor.inhibitingAlert(for: alert.labels, among: all, at: now)
        var seen = Set<String>()
        let receivers = dispatcher.route.receivers(for: alert.labels).filter { seen.insert($0).inserted }
        return AlertStatus(silencedBy: silenced, inhibitedBy: inhibiting.map { [$0.fingerprint.description] } ?? [],
                           receivers: receivers)
    }

    private func alertJSON(_ alert: Alert, status: AlertStatus) -> String {
        "{\"annotations\":" + NotificationJSON.object(alert.annotations)
            + ",\"endsAt\":" + Self.quote(NotificationJSON.time(alert.endsAt))
            + ",\"fingerprint\":" + Self.quote(alert.fingerprint.description)
            + ",\"receivers\":[" + status.receivers.map { "{\"name\":\(Self.quote($0))}" }.joined(separator: ",") + "]"
            + ",\"startsAt\":" + Self.quote(NotificationJSON.time(alert.startsAt))
            + ",\"status\":{\"inhibitedBy\":[" + status.inhibitedBy.map(Self.quote).joined(separator: ",")
            + "],\"silencedBy\":[" + status.silencedBy.map(Self.quote).joined(separator: ",")
            + "],\"state\":" + Self.quote(status.state) + "}"
            + ",\"updatedAt\":" + Self.quote(NotificationJSON.time(dispatcher.clock.now))
            + ",\"generatorURL\":" + Self.quote(alert.generatorURL)
            + ",\"labels\":" + NotificationJSON.object(alert.labels) + "}"
    }

    private func postAlerts(_ request: HTTPServerRequest) -> HTTPServerResponse {
        let node: YAMLNode
        do { node = try Self.parseJSON(request.body) } catch { return Self.error(400, "\(error)") }
        guard let items = node.sequence else { return Self.error(400, "the body must be a JSON array of alerts") }
        guard items.count <= maxAlertsPerPost else {
            return Self.error(400, "too many alerts in one request (\(items.count), limit \(maxAlertsPerPost))")
        }
        let now = dispatcher.clock.now
        var alerts: [Alert] = []
        for (index, item) in items.enumerated() {
            do { alerts.append(try PostableAlert.decode(item, now: now)) } catch {
                return Self.error(400, "alert \(index): \(error)")
            }
        }
        let rejected = dispatcher.receive(alerts)
        if !rejected.isEmpty {
            return Self.error(400, rejected.map { "alert \($0.index): \($0.message)" }.joined(separator: "; "))
        }
        return HTTPServerResponse(status: 200, headers: [("Content-Type", "application/json")])
    }

    // MARK: - Silences

    private func listSilences(_ request: HTTPServerRequest) -> HTTPServerResponse {
        var matchers: [LabelMatcher] = []
        for text in request.formValues("filter") {
            do { matchers += try AlertListFilter.parseMatchers(text) } catch { return Self.error(400, "\(error)") }
        }
        let now = dispatcher.clock.now
        let order: [Silence.State: Int] = [.active: 0, .pending: 1, .expired: 2]
        let selected = dispatcher.silences.all.filter { silence in
            matchers.allSatisfy { m in
                silence.matchers.contains { $0.name == m.name && m.matches($0.value) }
            }
        }.sorted { (order[$0.state(at: now)] ?? 3, $0.endsAt) < (order[$1.state(at: now)] ?? 3, $1.endsAt) }
        return .json(200, "[" + selected.map { silenceJSON($0, now: now) }.joined(separator: ",") + "]")
    }

    private func getSilence(_ id: String) -> HTTPServerResponse {
        guard let silence = dispatcher.silences.all.first(where: { $0.id == id }) else {
            return HTTPServerResponse.json(404, Self.quote("silence \(id) not found"))
        }
        return .json(200, silenceJSON(silence, now: dispatcher.clock.now))
    }

    private func deleteSilence(_ id: String) -> HTTPServerResponse {
        guard dispatcher.silences.all.contains(where: { $0.id == id }) else {
            return HTTPServerResponse.json(404, Self.quote("silence \(id) not found"))
        }
        guard dispatcher.silences.expire(id) else { return Self.error(400, "silence \(id) already expired") }
        return HTTPServerResponse(status: 200, headers: [("Content-Type", "application/json")])
    }

    private func postSilence(_ request: HTTPServerRequest) -> HTTPServerResponse {
        let node: YAMLNode
        do { node = try Self.parseJSON(request.body) } catch { return Self.error(400, "\(error)") }
        do {
            var silence = try PostableSilence.decode(node)
            if !silence.id.isEmpty, !dispatcher.silences.all.contains(where: { $0.id == silence.id }) {
                return HTTPServerResponse.json(404, Self.quote("silence \(silence.id) not found"))
            }
            if silence.id.isEmpty { silence.id = "" }
            let id = try dispatcher.silences.add(silence)
            return .json(200, "{\"silenceID\":\(Self.quote(id))}")
        } catch {
            return Self.error(400, "\(error)")
        }
    }

    private func silenceJSON(_ s: Silence, now: Date) -> String {
        let matchers = s.matchers.map { m in
            let equal = m.type == .equal || m.type == .regexMatch
            let regex = m.type == .regexMatch || m.type == .regexNoMatch
            return "{\"isEqual\":\(equal),\"isRegex\":\(regex),\"name\":\(Self.quote(m.name)),\"value\":\(Self.quote(m.value))}"
        }
        return "{\"id\":\(Self.quote(s.id)),\"status\":{\"state\":\(Self.quote(s.state(at: now).rawValue))},"
            + "\"updatedAt\":\(Self.quote(NotificationJSON.time(s.startsAt))),"
            + "\"comment\":\(Self.quote(s.comment)),\"createdBy\":\(Self.quote(s.createdBy)),"
            + "\"endsAt\":\(Self.quote(NotificationJSON.time(s.endsAt))),"
            + "\"matchers\":[" + matchers.joined(separator: ",") + "],"
            + "\"startsAt\":\(Self.quote(NotificationJSON.time(s.startsAt)))}"
    }

    // MARK: - Helpers

    static func parseJSON(_ body: [UInt8]) throws -> YAMLNode {
        guard !body.isEmpty else { throw AlertmanagerAPIError("the request has no body") }
        return try JSONParser().parse(String(decoding: body, as: UTF8.self), file: "request body")
    }

    static func quote(_ text: String) -> String { NotificationJSON.string(text) }

    static func error(_ status: Int, _ message: String) -> HTTPServerResponse {
        .json(status, quote(message))
    }
}

/// A request Alertmanager's API refuses, with the reason it gives.
struct AlertmanagerAPIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
