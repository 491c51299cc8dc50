import Diagnostics
import PromModel
import PromQL

/// A Prometheus rule file: groups of recording and alerting rules.
///
/// ```swift
/// let result = RuleFile.load(path: "alert_rules.yml")
/// let rules = result.value?.groups.flatMap(\.rules) ?? []
/// ```
public struct RuleFile: Sendable {
    public var groups: [RuleGroup]
    /// The file the rules came from, as named by the caller.
    public var file: String

    public init(groups: [RuleGroup] = [], file: String = "<generated>") {
        self.groups = groups
        self.file = file
    }

    /// Every rule of every group, in file order.
    public var rules: [Rule] { groups.flatMap(\.rules) }
}

/// One group of a rule file, evaluated together at the group's interval.
public struct RuleGroup: Sendable {
    public var name: String
    public var nameLocation: SourceLocation?
    /// `interval`; `nil` means the global `evaluation_interval`.
    public var interval: Duration?
    /// `limit`: the most series/alerts a rule may produce (0: no limit).
    public var limit: Int = 0
    public var queryOffset: Duration?
    /// `labels` added to every rule of the group (Prometheus 3.x).
    public var labels: [LabelEntry] = []
    public var rules: [Rule] = []
    /// Where the group entry starts.
    public var location: SourceLocation?

    public init(name: String, interval: Duration? = nil, rules: [Rule] = []) {
        self.name = name
        self.interval = interval
        self.rules = rules
    }
}

/// A recording rule (`record`) or an alerting rule (`alert`).
public struct Rule: Sendable {
    public enum Kind: String, Sendable, Hashable {
        case recording
        case alerting
    }

    public var kind: Kind
    /// The `record` or `alert` value.
    public var name: String
    public var nameLocation: SourceLocation?
    /// `expr` as written.
    public var expr: String
    /// The parsed query, when it parsed and type-checked.
    public var parsedExpr: Expr?
    /// Where the query text starts in the file, and the column offset of its later lines.
    public var exprPosition: ExprPosition?
    /// `for` (alerting rules); `nil` when absent.
    public var forDuration: Duration?
    public var forLocation: SourceLocation?
    public var keepFiringFor: Duration?
    public var labels: [LabelEntry] = []
    public var annotations: [LabelEntry] = []
    /// Where the rule entry starts.
    public var location: SourceLocation?
    /// 1-based position of the rule in its group (as promtool numbers rules).
    public var index: Int = 0

    public init(kind: Kind, name: String, expr: String) {
        self.kind = kind
        self.name = name
        self.expr = expr
    }

    /// The location of a part of the query, from its byte span.
    public func location(of span: SourceSpan) -> SourceLocation? {
        guard let exprPosition else { return nil }
        return exprPosition.location(ofOffset: span.start, in: expr)
    }
}

// MARK: - File kind

extension RuleFile {
    /// Top-level keys only a rule file has: `FileKindGuess` tells the kind of a file by them.
    public static let distinctiveTopLevelKeys: Set<String> = ["groups"]
}
