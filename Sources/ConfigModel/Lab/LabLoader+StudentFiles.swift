import Diagnostics

// MARK: - Files no other file points at: unlisted rule files, PromQL answers

extension LabLoader {
    /// Folders (relative to the lab) searched for rule files and answers files, and how deep.
    static let studentFileDepth = 3

    /// Whether a YAML text is a Prometheus rule file: a top-level `groups:` key, and no `apiVersion:`
    /// (Grafana's alerting provisioning files have `groups:` too).
    static func looksLikeRuleFile(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        return lines.contains { $0.hasPrefix("groups:") } && !lines.contains { $0.hasPrefix("apiVersion:") }
    }

    /// YAML files of the lab that no earlier step loaded, sorted.
    func unloadedYAMLFiles(_ lab: Lab, _ outcome: CheckOutcome) -> [String] {
        let loaded = Set(outcome.files.map(LabPath.normalize))
        return LabPath.files(under: lab.directory, suffixes: [".yml", ".yaml"], depth: Self.studentFileDepth, limit: 300)
            .filter { !loaded.contains(LabPath.normalize($0)) }
    }

    /// Rule files of the lab that `rule_files` does not load: checked like listed ones, so a syntax
    /// error in them is found; ``RuleFileNotListedCheck`` says they are not loaded.
    func loadUnlistedRuleFiles(_ lab: inout Lab, _ outcome: inout CheckOutcome) {
        let scrapeInterval = lab.prometheus?.value.global.scrapeInterval
        for path in unloadedYAMLFiles(lab, outcome) {
            guard let text = LabPath.readText(path, maxBytes: 4 << 20), Self.looksLikeRuleFile(text),
                  !PromQLAnswerFile.looksLikeAnswers(text: text) else { continue }
            let loaded = RuleFile.load(path: path)
            outcome.files.append(path)
            outcome.diagnostics += loaded.diagnostics
            guard let file = loaded.value else {
                lab.unlistedRuleFiles.append(Lab.File(path: path, value: RuleFile(file: path)))
                continue
            }
            if lint { outcome.diagnostics += RuleLints.suite.run(RuleLintInput(file: file, scrapeInterval: scrapeInterval)) }
            lab.unlistedRuleFiles.append(Lab.File(path: path, value: file))
        }
    }

    /// Students' PromQL answers files (`answers:` at the top), anywhere in the lab (usually `promql/`).
    func loadAnswerFiles(_ lab: inout Lab, _ outcome: inout CheckOutcome) {
        for path in unloadedYAMLFiles(lab, outcome) {
            guard let text = LabPath.readText(path, maxBytes: 1 << 20), PromQLAnswerFile.looksLikeAnswers(text: text) else {
                continue
            }
            let result = PromQLAnswerFile.check(text: text, file: path, lint: lint,
                                                scrapeInterval: lab.prometheus?.value.global.scrapeInterval)
            outcome.files.append(path)
            outcome.diagnostics += result.diagnostics
            if let value = result.value { lab.answerFiles.append(Lab.File(path: path, value: value)) }
        }
    }
}
