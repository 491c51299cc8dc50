import GoCompat
import Foundation
import PromModel
import YAML

/// The `postableAlert` of Alertmanager's API: `labels` (required), `annotations`, `startsAt`,
/// `endsAt`, `generatorURL`. A missing `startsAt` is now; a missing `endsAt` is left to the
/// dispatcher's `resolve_timeout`.
enum PostableAlert {
    static func decode(_ node: YAMLNode, now: Date) throws -> Alert {
        guard node.mapping != nil else { throw AlertmanagerAPIError("an alert must be a JSON object") }
        guard let labelNode = node["labels"] else { throw AlertmanagerAPIError("labels in body is required") }
        let labels = try labelSet(labelNode, "labels")
        let annotations = try node["annotations"].map { try labelSet($0, "annotations") } ?? .empty
        let startsAt = try node["startsAt"].flatMap { try time($0, "startsAt") } ?? now
        let endsAt = try node["endsAt"].flatMap { try time($0, "endsAt") }
        var generatorURL = ""
        if let url = node["generatorURL"], !url.isNull {
            guard let text = url.scalarValue else { throw AlertmanagerAPIError("generatorURL must be a string") }
            generatorURL = text
        }
        return Alert(labels: labels, annotations: annotations, startsAt: startsAt, endsAt: endsAt,
                     generatorURL: generatorURL)
    }

    /// A JSON object of strings as a label set.
    static func labelSet(_ node: YAMLNode, _ field: String) throws -> Labels {
        if node.isNull { return .empty }
        guard let pairs = node.mapping else { throw AlertmanagerAPIError("\(field) must be an object of strings") }
        var labels: [Label] = []
        for pair in pairs {
            guard let name = pair.key.scalarValue, let value = pair.value.scalarValue, pair.value.mapping == nil else {
                throw AlertmanagerAPIError("\(field) must be an object of strings")
            }
            labels.append(Label(name, value))
        }
        return Labels(labels.filter { !$0.value.isEmpty })
    }

    /// An RFC 3339 time, or nil for JSON null / Go's zero time.
    static func time(_ node: YAMLNode, _ field: String) throws -> Date? {
        if node.isNull { return nil }
        guard let text = node.scalarValue else { throw AlertmanagerAPIError("\(field) must be an RFC 3339 time") }
        if text.hasPrefix("0001-01-01T00:00:00") { return nil }
        guard let seconds = RFC3339Time.parse(text) else {
            throw AlertmanagerAPIError("\(field) in body must be of type date-time: \"\(text)\"")
        }
        return Date(timeIntervalSince1970: seconds)
    }
}
