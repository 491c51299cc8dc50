import ConfigModel
import Foundation
import PromModel

/// The query parameters of `GET /api/v2/alerts` and `/api/v2/alerts/groups`: `active`, `silenced`,
/// `inhibited`, `unprocessed` (booleans, default true), `filter` (matchers, repeatable) and
/// `receiver` (a regular expression, fully anchored).
struct AlertListFilter {
    var active = true
    var silenced = true
    var inhibited = true
    var matchers: [LabelMatcher] = []
    var receiver: LabelMatcher?

    init(_ request: HTTPServerRequest) throws {
        active = try Self.flag(request, "active")
        silenced = try Self.flag(request, "silenced")
        inhibited = try Self.flag(request, "inhibited")
        _ = try Self.flag(request, "unprocessed")
        for text in request.formValues("filter") { matchers += try Self.parseMatchers(text) }
        if let pattern = request.formValue("receiver"), !pattern.isEmpty {
            do { receiver = try LabelMatcher(.regexMatch, "receiver", pattern) } catch {
                throw AlertmanagerAPIError("invalid receiver regular expression \"\(pattern)\": \(error)")
            }
        }
    }

    /// Whether the alert with `status` is listed.
    func accepts(_ alert: Alert, status: AlertmanagerAPI.AlertStatus) -> Bool {
        if !status.silencedBy.isEmpty, !silenced { return false }
        if !status.inhibitedBy.isEmpty, !inhibited { return false }
        if status.state == "active", !active { return false }
        if let receiver, !status.receivers.contains(where: receiver.matches) { return false }
        return matchers.allSatisfy { $0.matches(alert.labels[$0.name] ?? "") }
    }

    /// The matchers of one `filter` value (`alertname="x"`, `{a=~"b.*",c!="d"}`).
    static func parseMatchers(_ text: String) throws -> [LabelMatcher] {
        do { return try AlertmanagerMatcherParser().parse(text).matchers } catch {
            throw AlertmanagerAPIError("bad matcher format: \(text): \(error)")
        }
    }

    private static func flag(_ request: HTTPServerRequest, _ name: String) throws -> Bool {
        guard let value = request.formValue(name) else { return true }
        switch value.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw AlertmanagerAPIError("\(name) in query must be of type boolean: \"\(value)\"")
        }
    }
}
