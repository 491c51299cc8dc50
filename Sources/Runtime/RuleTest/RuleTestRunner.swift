import ConfigModel
import Diagnostics
import Foundation
import PromModel
import Storage
import PromQL

/// Runs promtool rule unit-test files against labctl's rule manager and PromQL engine, with
/// promtool's semantics:
///
/// - each test group gets a fresh store holding its input series (value `i` at `i × interval`,
///   appended lazily up to each evaluation time) and freshly loaded rule groups;
/// - groups are evaluated at `0, ei, 2ei, …` up to the largest `eval_time` (`ei` =
///   `evaluation_interval`), in `group_eval_order` first, then in file order;
/// - an alert test at `eval_time` is checked after the evaluation at the slot `ts` with
///   `ts ≤ eval_time < ts + ei`, against the firing alerts of every rule with that name;
/// - a rule evaluation error fails the group and stops its evaluation;
/// - expression tests run after all evaluations; values are compared exactly (or allowing a
///   last-bit difference with `fuzzy_compare: true`), series sorted by labels.
public struct RuleTestRunner: Sendable {
    /// Settings of a run.
    public struct Options: Sendable {
        /// Only test groups whose name matches (unanchored RE2 search, like promtool 3's `--run`).
        public var runFilter: PromQLTestMessageMatch?
        /// The engine's settings; `noStepSubqueryInterval` is set to the evaluation interval.
        public var engine = EngineOptions.standard
        /// The most evaluation steps one test group may take.
        public var maxSteps = 1_000_000

        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    // MARK: - Files

    /// Reads and runs one test file.
    public func run(path: String) -> RuleTestFileResult {
        let loaded = RuleTestFile.load(path: path)
        guard let file = loaded.file else {
            var result = RuleTestFileResult(file: path)
            result.fileErrors = loaded.diagnostics.filter { $0.severity == .error }.map(Self.describe)
            if result.fileErrors.isEmpty { result.fileErrors = ["\(path): cannot read the test file"] }
            return result
        }
        let directory = (path as NSString).deletingLastPathComponent
        return run(file, baseDirectory: directory.isEmpty ? "." : directory)
    }

    /// Runs a parsed test file; `rule_files` are resolved against `baseDirectory`.
    public func run(_ file: RuleTestFile, baseDirectory: String) -> RuleTestFileResult {
        var result = RuleTestFileResult(file: file.file)
        var order: [String: Int] = [:]
        for name in file.groupEvalOrder {
            if order[name] != nil {
                result.fileErrors.append("group name repeated in evaluation order: \(name)")
                return result
            }
            order[name] = order.count
        }
        let resolved = RuleFileGlob.resolve(file.ruleFiles, relativeTo: baseDirectory)
        result.warnings = resolved.unmatched.map { "WARNING: no file match pattern \($0)" }
        for (index, group) in file.tests.enumerated() {
            var groupResult = RuleTestGroupResult(index: index, name: group.name)
            if let filter = options.runFilter, !filter.matches(group.name) {
                groupResult.skipped = true
            } else {
                let context = GroupContext(file: file, group: group, ruleFiles: resolved.files, order: order)
                groupResult.failures = runGroup(context, checks: &groupResult.checks)
            }
            result.groups.append(groupResult)
        }
        return result
    }

    // MARK: - Groups

    struct GroupContext {
        var file: RuleTestFile
        var group: RuleTestGroup
        var ruleFiles: [String]
        var order: [String: Int]
    }

    /// Runs one test group and returns its failure messages.
    func runGroup(_ ctx: GroupContext, checks: inout Int) -> [String] {
        let group = ctx.group
        let evalInterval = ctx.file.evaluationIntervalMilliseconds
        let seriesInterval = group.interval.map(\.milliseconds).flatMap { $0 > 0 ? $0 : nil } ?? evalInterval
        var engineOptions = options.engine
        engineOptions.noStepSubqueryInterval = evalInterval
        let engine = Engine(options: engineOptions)
        let storage = MemoryStorage()
        var input: SeriesLoader
        do {
            input = try SeriesLoader(group.inputSeries, interval: seriesInterval)
        } catch {
            return ["\(error)"]
        }
        let query = engine.ruleQuery(over: storage)
        let groups: [RuleGroupEvaluator]
        switch loadGroups(ctx, interval: seriesInterval, query: query, storage: storage) {
        case .success(let g): groups = g
        case .failure(let errors): return errors.messages
        }
        for alertTest in group.alertRuleTests where alertTest.alertname.isEmpty {
            let suffix = group.name.isEmpty ? "" : " (in TestGroup \(group.name))"
            return ["an item under alert_rule_test misses required attribute alertname at eval_time \(alertTest.evalTime)\(suffix)"]
        }
        let maxt = max(group.alertRuleTests.map(\.evalTime.milliseconds).max() ?? 0,
                       group.promqlExprTests.map(\.evalTime.milliseconds).max() ?? 0)
        if maxt / evalInterval >= Int64(options.maxSteps) {
            return ["the largest eval_time (\(Duration(milliseconds: maxt))) needs more than \(options.maxSteps) evaluations at evaluation_interval \(Duration(milliseconds: evalInterval))"]
        }
        var errors: [String] = []
        var alertChecks = AlertChecks(group.alertRuleTests)
        var ts: Int64 = 0
        while ts <= maxt {
            if let error = input.append(upTo: ts, to: storage) { return errors + [error] }
            var evalErrors: [String] = []
            for g in groups {
                for failure in g.eval(at: ts, query: query, storage: storage, notify: nil) {
                    evalErrors.append("    rule: \(failure.rule), time: \(RuleTestFormat.goDuration(milliseconds: ts)), err: \(failure.message)")
                }
            }
            if !evalErrors.isEmpty { return errors + evalErrors }
            errors += alertChecks.check(at: ts, interval: evalInterval, groups: groups, testName: group.name,
                                        checks: &checks)
            ts = ts.addingSaturated(evalInterval)
            if ts == Int64.max { break }
        }
        errors += checkExpressions(group, engine: engine, storage: storage, fuzzy: ctx.file.fuzzyCompare,
                                   checks: &checks)
        return errors
    }

    struct LoadErrors: Error {
        var messages: [String]
    }

    /// Loads the rule files into evaluators ordered by `group_eval_order` (others keep file order).
    func loadGroups(_ ctx: GroupContext, interval: Int64, query: @escaping QueryFunc,
                    storage: MemoryStorage) -> Result<[RuleGroupEvaluator], LoadErrors> {
        var managerOptions = RuleManagerOptions(query: query, storage: storage, clock: ManualClock(milliseconds: 0))
        managerOptions.evaluationInterval = interval
        managerOptions.externalLabels = Labels(ctx.group.externalLabels)
        managerOptions.externalURL = ctx.group.externalURL
        managerOptions.alignByGroupHash = false
        let manager = RuleManager(options: managerOptions)
        var messages: [String] = []
        var groups: [RuleGroupEvaluator] = []
        for path in ctx.ruleFiles {
            let loaded = RuleFile.load(path: path)
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty {
                messages += errors.map(Self.describe)
                continue
            }
            guard let file = loaded.value else { continue }
            for group in file.groups {
                do {
                    groups.append(try manager.makeGroup(group, file: path))
                } catch {
                    messages.append("\(error)")
                }
            }
        }
        if !messages.isEmpty { return .failure(LoadErrors(messages: messages)) }
        let ordered = groups.enumerated().sorted { a, b in
            let ka = ctx.order[a.element.name] ?? 0, kb = ctx.order[b.element.name] ?? 0
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
        return .success(ordered)
    }

    /// A diagnostic as one line: `file:line:col: message`.
    static func describe(_ d: Diagnostic) -> String {
        guard let at = d.location else { return d.message }
        return "\(at.file):\(at.line):\(at.column): \(d.message)"
    }
}
