import Foundation
import PromModel
import YAML

/// The `postableSilence` of Alertmanager's API: `id` (to update), `matchers` (`name`, `value`,
/// `isRegex`, `isEqual` defaulting to true), `startsAt`, `endsAt`, `createdBy`, `comment`.
enum PostableSilence {
    static func decode(_ node: YAMLNode) throws -> Silence {
        guard node.mapping != nil else { throw AlertmanagerAPIError("the silence must be a JSON object") }
        guard let matcherNodes = node["matchers"]?.sequence else {
            throw AlertmanagerAPIError("matchers in body is required")
        }
        var matchers: [LabelMatcher] = []
        for item in matcherNodes {
            guard let name = item["name"]?.scalarValue, !name.isEmpty else {
                throw AlertmanagerAPIError("matchers.name in body is required")
            }
            guard let value = item["value"]?.scalarValue else {
                throw AlertmanagerAPIError("matchers.value in body is required")
            }
            let isRegex = try bool(item["isRegex"], "matchers.isRegex", default: false)
            let isEqual = try bool(item["isEqual"], "matchers.isEqual", default: true)
            let type: LabelMatcher.MatchType = isRegex ? (isEqual ? .regexMatch : .regexNoMatch)
                : (isEqual ? .equal : .notEqual)
            do { matchers.append(try LabelMatcher(type, name, value)) } catch {
                throw AlertmanagerAPIError("invalid matcher \(name): \(error)")
            }
        }
        guard let startNode = node["startsAt"], let startsAt = try PostableAlert.time(startNode, "startsAt") else {
            throw AlertmanagerAPIError("startsAt in body is required")
        }
        guard let endNode = node["endsAt"], let endsAt = try PostableAlert.time(endNode, "endsAt") else {
            throw AlertmanagerAPIError("endsAt in body is required")
        }
        let id = node["id"]?.scalarValue ?? ""
        return Silence(id: id, matchers: matchers, startsAt: startsAt, endsAt: endsAt,
                       createdBy: node["createdBy"]?.scalarValue ?? "", comment: node["comment"]?.scalarValue ?? "")
    }

    private static func bool(_ node: YAMLNode?, _ field: String, default value: Bool) throws -> Bool {
        guard let node, !node.isNull else { return value }
        switch node.scalarValue {
        case "true": return true
        case "false": return false
        default: throw AlertmanagerAPIError("\(field) in body must be of type boolean")
        }
    }
}
