import Diagnostics
import YAML

// MARK: - Cross-reference validation

extension AlertmanagerConfig {
    /// The problems Alertmanager finds after decoding: the root route's requirements, receivers and time
    /// intervals that are undefined or defined twice. Every one is located at the offending node.
    public func validate() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let fileStart = SourceLocation(file: node?.file ?? "<generated>", line: 1, column: 1)

        // Receivers: names present (reported while decoding) and unique.
        var receiverNames: [String: AlertmanagerReceiver] = [:]
        for r in receivers where !r.name.isEmpty {
            if let first = receiverNames[r.name] {
                out.append(.error(AlertmanagerDiagnosticCode.duplicateReceiver,
                                  "notification config name \"\(r.name)\" is not unique",
                                  at: r.nameLocation?.location,
                                  notes: [.init("first defined here", at: first.nameLocation?.location)]))
            } else {
                receiverNames[r.name] = r
            }
        }

        // Time intervals: names unique across both sections.
        var intervalNames: [String: AlertmanagerTimeInterval] = [:]
        for t in timeIntervals where !t.name.isEmpty {
            if let first = intervalNames[t.name] {
                let loc = t.node.flatMap { YAMLMapping(node: $0).keyNode("name") }?.location ?? t.node?.location
                out.append(.error(AlertmanagerDiagnosticCode.duplicateTimeInterval,
                                  "time interval \"\(t.name)\" is not unique", at: loc,
                                  notes: [.init("first defined here", at: first.node?.location)]))
            } else {
                intervalNames[t.name] = t
            }
        }
        if let first = timeIntervals.first(where: \.declaredAsMuteTimeInterval),
           let key = node.flatMap({ YAMLMapping(node: $0).keyNode("mute_time_intervals") }) ?? first.node {
            out.append(.warning(AlertmanagerDiagnosticCode.deprecatedMuteTimeIntervals,
                                "top-level mute_time_intervals is deprecated; use time_intervals", at: key.location))
        }

        // The root route.
        guard let root = route else {
            out.append(.error(AlertmanagerDiagnosticCode.noRoute, "no routes provided",
                              at: node?.location ?? fileStart))
            return out
        }
        if root.receiver?.isEmpty ?? true {
            out.append(.error(AlertmanagerDiagnosticCode.rootReceiverMissing,
                              "root route must specify a default receiver", at: root.node?.location))
        }
        if !root.matchers.isEmpty {
            let key = ["match", "match_re", "matchers"].first { root.node?[$0] != nil } ?? "matchers"
            out.append(.error(AlertmanagerDiagnosticCode.rootMatchers, "root route must not have any matchers",
                              at: root.location(of: key)))
        }
        if !root.muteTimeIntervals.isEmpty {
            out.append(.error(AlertmanagerDiagnosticCode.rootTimeIntervals,
                              "root route must not have any mute time intervals",
                              at: root.location(of: "mute_time_intervals")))
        }
        if !root.activeTimeIntervals.isEmpty {
            out.append(.error(AlertmanagerDiagnosticCode.rootTimeIntervals,
                              "root route must not have any active time intervals",
                              at: root.location(of: "active_time_intervals")))
        }

        // Every route: receivers and time intervals defined.
        for r in root.allRoutes {
            if let name = r.receiver, !name.isEmpty, receiverNames[name] == nil {
                let at = r.node?["receiver"]?.location ?? r.node?.location
                out.append(.error(AlertmanagerDiagnosticCode.unknownReceiver,
                                  "undefined receiver \"\(name)\" used in route"
                                  + Suggestion.didYouMean(name, in: receiverNames.keys.sorted()), at: at))
            }
            for key in ["mute_time_intervals", "active_time_intervals"] {
                let names = key == "mute_time_intervals" ? r.muteTimeIntervals : r.activeTimeIntervals
                let items = r.node?[key]?.sequence ?? []
                for (i, name) in names.enumerated() where intervalNames[name] == nil {
                    let at = items.indices.contains(i) ? items[i].location : r.location(of: key)
                    out.append(.error(AlertmanagerDiagnosticCode.unknownTimeInterval,
                                      "undefined time interval \"\(name)\" used in route"
                                      + Suggestion.didYouMean(name, in: intervalNames.keys.sorted()), at: at))
                }
            }
        }
        return out
    }
}
