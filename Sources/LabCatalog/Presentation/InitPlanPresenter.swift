import Diagnostics

/// The summary `labctl init` prints, in Spanish or English: one line per file and a total.
/// English is ``InitPlan/summary(dryRun:)`` itself.
public struct InitPlanPresenter: Sendable {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    /// `crear     docker-compose.yml` … `lab1 v2 en DIR: se han escrito 6 archivo(s) (6 nuevos)`.
    public func summary(_ plan: InitPlan, dryRun: Bool) -> String {
        guard language == .es else { return plan.summary(dryRun: dryRun) }
        var out = ""
        for e in plan.entries {
            out += "\(Self.verb(e.action).padding(toLength: 12, withPad: " ", startingAt: 0)) \(e.path)\n"
        }
        let order: [InitPlan.Action] = [.create, .overwrite, .merge, .conflict, .unchanged, .keep]
        let counts = order.compactMap { action -> String? in
            let n = plan.entries(action).count
            return n == 0 ? nil : "\(n) \(Self.counted(action))"
        }
        let written = plan.entries.filter(\.writes).count
        let verb = dryRun ? "se escribirían" : "se han escrito"
        out += "\(plan.lab.id) v\(plan.lab.version) en \(plan.directory): \(verb) \(written) archivo(s) (\(counts.joined(separator: ", ")))\n"
        return out
    }

    /// The note, warning or error `init` adds about kept and conflicting files (`nil`: nothing to say).
    public func keptNote(_ plan: InitPlan) -> String? {
        let kept = plan.entries(.keep).map(\.path)
        guard !kept.isEmpty else { return nil }
        let list = kept.joined(separator: ", ")
        if plan.previousVersion != nil {
            return language.say("labctl: note: \(kept.count) file(s) keep your edits (the template did not change them): "
                                + "\(list) (use --dry-run to see your edits)")
        }
        return language.say("labctl: warning: \(kept.count) file(s) differ from the template and were kept: \(list) "
                            + "(use --dry-run to see the differences, --force to overwrite)")
    }

    /// The error about files left with merge conflicts, or `nil`.
    public func conflictError(_ plan: InitPlan) -> String? {
        let conflicts = plan.entries(.conflict).map(\.path)
        guard !conflicts.isEmpty else { return nil }
        let list = conflicts.joined(separator: ", ")
        return language.say("labctl: error: \(conflicts.count) file(s) have merge conflicts to resolve: \(list)")
    }

    private static func verb(_ action: InitPlan.Action) -> String {
        switch action {
        case .create: return "crear"
        case .unchanged: return "sin cambios"
        case .overwrite: return "sobrescribir"
        case .keep: return "conservar"
        case .merge: return "fusionar"
        case .conflict: return "conflicto"
        }
    }

    private static func counted(_ action: InitPlan.Action) -> String {
        switch action {
        case .create: return "nuevos"
        case .unchanged: return "sin cambios"
        case .overwrite: return "sobrescritos"
        case .keep: return "conservados"
        case .merge: return "fusionados"
        case .conflict: return "con conflictos"
        }
    }
}
