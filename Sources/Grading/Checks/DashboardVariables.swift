import ConfigModel
import Foundation

/// Grafana's variables in a panel query replaced by what Grafana would send for the scenario:
/// `$__rate_interval` and `$__interval` by the scenario's rate window, `$__range` by its duration,
/// interval variables by their current (or first) value, and any other variable by `.*` (All).
struct DashboardVariables {
    var values: [String: String] = [:]

    init(_ dashboard: GrafanaDashboard, scenario: ScenarioData) {
        let interval = max(scenario.interval * 4, 60_000)
        values["__rate_interval"] = PromModelDuration.format(interval)
        values["__interval"] = PromModelDuration.format(max(scenario.interval, 15_000))
        values["__range"] = PromModelDuration.format(max(scenario.duration, 60_000))
        values["__range_s"] = String(max(scenario.duration / 1000, 60))
        values["__interval_ms"] = String(max(scenario.interval, 15_000))
        for variable in dashboard.variables {
            let current = variable.node?["current"]?["value"]?.scalarValue
                ?? variable.node?["current"]?["value"]?.sequence?.first?.scalarValue
            switch variable.type {
            case "interval":
                let first = variable.query?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
                values[variable.name] = (current.flatMap { $0.hasPrefix("$") ? nil : $0 }) ?? first ?? "5m"
            case "constant", "textbox":
                values[variable.name] = current ?? variable.query ?? ".*"
            default:
                values[variable.name] = (current == nil || current == "$__all" || current == "All") ? ".*" : current
            }
        }
    }

    /// `query` with `$name`, `${name}`, `${name:fmt}` and `[[name]]` replaced.
    func expand(_ query: String) -> String {
        var out = ""
        var chars = Array(query)
        var i = 0
        func isName(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        while i < chars.count {
            let c = chars[i]
            if c == "$" {
                var j = i + 1
                var name = ""
                if j < chars.count, chars[j] == "{" {
                    j += 1
                    while j < chars.count, isName(chars[j]) { name.append(chars[j]); j += 1 }
                    while j < chars.count, chars[j] != "}" { j += 1 }
                    j += 1
                } else {
                    while j < chars.count, isName(chars[j]) { name.append(chars[j]); j += 1 }
                }
                if !name.isEmpty {
                    out += values[name] ?? ".*"
                    i = min(j, chars.count)
                    continue
                }
            } else if c == "[", i + 1 < chars.count, chars[i + 1] == "[" {
                var j = i + 2
                var name = ""
                while j < chars.count, isName(chars[j]) { name.append(chars[j]); j += 1 }
                if !name.isEmpty, j + 1 < chars.count, chars[j] == "]", chars[j + 1] == "]" {
                    out += values[name] ?? ".*"
                    i = j + 2
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        chars = []
        return out
    }
}
