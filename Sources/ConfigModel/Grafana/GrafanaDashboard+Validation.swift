import Diagnostics
import YAML

// MARK: - Validation

extension GrafanaDashboard {
    /// Title, uid, schemaVersion, panel ids, the grid, rows, variables, datasource references and every
    /// target's PromQL.
    public func validate(datasources: [GrafanaDatasource]? = nil) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let at = node?.location
        if (title ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            out.append(.error(GrafanaDiagnosticCode.missingTitle, "dashboard title cannot be empty",
                              at: node?["title"]?.location ?? at))
        }
        if let uid {
            if uid.count > 40 || uid.isEmpty
                || !uid.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                out.append(.error(GrafanaDiagnosticCode.invalidUID,
                                  "invalid dashboard uid \"\(uid)\": at most 40 characters of a-z, A-Z, 0-9, - and _",
                                  at: node?["uid"]?.location))
            }
        } else {
            out.append(.warning(GrafanaDiagnosticCode.invalidUID,
                                "dashboard has no uid; Grafana generates a new one on every import, breaking links",
                                at: at))
        }
        if schemaVersion == nil {
            out.append(.warning(GrafanaDiagnosticCode.missingSchemaVersion,
                                "dashboard has no schemaVersion; Grafana treats it as a very old dashboard and migrates it",
                                at: at))
        }
        out += validateVariables()
        out += validatePanels()
        out += validateDatasources(datasources)
        out += validateExpressions()
        return out
    }

    private func validateVariables() -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen = Set<String>()
        for v in variables where !seen.insert(v.name).inserted {
            out.append(.error(GrafanaDiagnosticCode.duplicateVariable, "template variable \"\(v.name)\" is defined twice",
                              at: v.node?["name"]?.location))
        }
        return out
    }

    private func validatePanels() -> [Diagnostic] {
        var out: [Diagnostic] = []
        var ids: [Int: GrafanaPanel] = [:]
        var grid = GrafanaPanelGrid()
        var placedPanels: [GrafanaPanel] = []
        // Panels of a collapsed row are laid out when it opens; compare only what is on screen.
        let panelsWithVisibility = panels.flatMap { top in
            [(top, true)] + top.panels.map { ($0, !top.collapsed) }
        }
        for (p, visible) in panelsWithVisibility {
            if let id = p.id {
                if let first = ids[id] {
                    out.append(.error(GrafanaDiagnosticCode.duplicatePanelID,
                                      "panel id \(id) is used by \"\(first.title)\" and \"\(p.title)\"",
                                      at: p.node?["id"]?.location,
                                      notes: [.init("first used here", at: first.node?["id"]?.location)]))
                } else {
                    ids[id] = p
                }
            }
            guard let g = p.gridPos else {
                out.append(.warning(GrafanaDiagnosticCode.missingGridPos,
                                    "panel \"\(p.title)\" has no gridPos; Grafana places it with a default size",
                                    at: p.node?.location))
                continue
            }
            let gAt = p.node?["gridPos"]?.location
            var problems: [String] = []
            if !(1...24).contains(g.w) { problems.append("w must be 1...24 (got \(g.w))") }
            if g.h <= 0 { problems.append("h must be positive (got \(g.h))") }
            if !(0...23).contains(g.x) { problems.append("x must be 0...23 (got \(g.x))") }
            if g.y < 0 { problems.append("y must not be negative (got \(g.y))") }
            if (0...23).contains(g.x), (1...24).contains(g.w), g.x + g.w > 24 {
                problems.append("x + w = \(g.x + g.w) exceeds the 24 columns")
            }
            if !problems.isEmpty {
                out.append(.error(GrafanaDiagnosticCode.invalidGridPos,
                                  "panel \"\(p.title)\": gridPos " + problems.joined(separator: "; "), at: gAt))
                continue
            }
            guard visible else { continue }
            if let hit = grid.firstOverlap(with: g) {
                let other = placedPanels[hit]
                out.append(.warning(GrafanaDiagnosticCode.overlappingPanels,
                                    "panel \"\(p.title)\" overlaps panel \"\(other.title)\"", at: gAt,
                                    notes: [.init("other panel here", at: other.node?["gridPos"]?.location)]))
            }
            grid.place(g, order: placedPanels.count)
            placedPanels.append(p)
        }
        for row in panels where row.isRow && !row.collapsed && !row.panels.isEmpty {
            out.append(.warning(GrafanaDiagnosticCode.panelsInExpandedRow,
                                "row \"\(row.title)\" is not collapsed but holds \(row.panels.count) nested panel(s); "
                                + "Grafana only reads nested panels of collapsed rows",
                                at: row.node?["panels"]?.location ?? row.node?.location))
        }
        return out
    }

    /// Datasource references: variables must be defined (or be `__inputs`), names/uids must be provisioned.
    private func validateDatasources(_ provisioned: [GrafanaDatasource]?) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let variableNames = Set(variables.map(\.name)).union(inputs)
        func check(_ ref: GrafanaDatasourceRef?, at node: YAMLNode?) {
            guard let ref else { return }
            if let variable = ref.variableName {
                if !variableNames.contains(variable) {
                    out.append(.error(GrafanaDiagnosticCode.undefinedVariable,
                                      "datasource variable $\(variable) is not defined in templating.list or __inputs",
                                      at: node?.location))
                }
                return
            }
            guard let provisioned else { return }
            switch ref {
            case .uid(let uid, _) where !provisioned.contains { $0.uid == uid }:
                let known = provisioned.compactMap { d in d.uid.map { "\($0) (\(d.name))" } }
                out.append(.error(GrafanaDiagnosticCode.unknownDatasource,
                                  "no provisioned datasource has uid \"\(uid)\""
                                  + Suggestion.didYouMean(uid, in: provisioned.compactMap(\.uid))
                                  + (known.isEmpty ? "; the provisioned datasources set no uid: add uid: \(uid) to one"
                                                   : "; provisioned uids: \(known.joined(separator: ", "))"),
                                  at: (node?["uid"] ?? node)?.location))
            case .name(let name) where !provisioned.contains { $0.name == name || $0.uid == name }:
                out.append(.error(GrafanaDiagnosticCode.unknownDatasource,
                                  "no provisioned datasource is named \"\(name)\""
                                  + Suggestion.didYouMean(name, in: provisioned.map(\.name)), at: node?.location))
            default:
                break
            }
        }
        for p in allPanels {
            check(p.datasource, at: p.node?["datasource"])
            for t in p.targets { check(t.datasource, at: t.node?["datasource"]) }
        }
        for v in variables where v.type == "query" { check(v.datasource, at: v.node?["datasource"]) }
        for annotation in node?["annotations"]?["list"]?.sequence ?? [] {
            check(GrafanaDatasourceRef.decode(annotation["datasource"]), at: annotation["datasource"])
        }
        return out
    }
}
