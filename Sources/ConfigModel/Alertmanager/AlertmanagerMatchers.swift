import Diagnostics
import PromModel
import YAML

/// The matchers of a route or of one side of an inhibit rule, in the three ways they can be written:
/// `match` (equality), `match_re` (regex) and `matchers` (matcher strings).
public struct AlertmanagerMatchers: Sendable {
    /// `match:` pairs, in source order.
    public var match: [(name: String, value: String)] = []
    /// `match_re:` pairs, in source order (patterns unanchored as written; they match fully).
    public var matchRE: [(name: String, value: String)] = []
    /// `matchers:` items as written.
    public var strings: [String] = []
    /// Every matcher, from all three forms.
    public var all: [LabelMatcher] = []

    public init() {}

    /// Whether no matcher was given in any form.
    public var isEmpty: Bool { match.isEmpty && matchRE.isEmpty && strings.isEmpty }

    /// Whether a label set (absent labels are empty) satisfies every matcher.
    public func matches(_ labels: [String: String]) -> Bool {
        all.allSatisfy { $0.matches(labels[$0.name] ?? "") }
    }
}

// MARK: - Decoding

extension AlertmanagerMatchers {
    /// Decodes `<prefix>match`, `<prefix>match_re` and `<prefix>matchers` from `mapping`.
    static func decode(_ mapping: YAMLMapping, prefix: String, context ctx: inout YAMLDecodingContext)
        -> AlertmanagerMatchers {
        var out = AlertmanagerMatchers()
        if let node = mapping[prefix + "match"], let m = ctx.mapping(node, what: prefix + "match") {
            for pair in m.pairs {
                guard let name = ctx.string(pair.key) else { continue }
                let value = ctx.string(pair.value, what: name) ?? ""
                guard checkLabelName(name, at: pair.key, context: &ctx),
                      let matcher = try? LabelMatcher(.equal, name, value) else { continue }
                out.match.append((name, value))
                out.all.append(matcher)
            }
        }
        if let node = mapping[prefix + "match_re"], let m = ctx.mapping(node, what: prefix + "match_re") {
            for pair in m.pairs {
                guard let name = ctx.string(pair.key), let value = ctx.string(pair.value, what: name) else { continue }
                guard checkLabelName(name, at: pair.key, context: &ctx) else { continue }
                do {
                    out.all.append(try LabelMatcher(.regexMatch, name, value))
                    out.matchRE.append((name, value))
                } catch {
                    ctx.error(AlertmanagerDiagnosticCode.invalidRegex,
                              "invalid regular expression \"^(?:\(value))$\" for \(name): \(error)", at: pair.value)
                }
            }
        }
        if let items = ctx.sequence(mapping[prefix + "matchers"], what: prefix + "matchers") {
            for item in items {
                guard let text = ctx.string(item, what: "a matcher") else { continue }
                do {
                    let result = try AlertmanagerMatcherParser().parse(text)
                    if result.usedClassicFallback {
                        ctx.warning(AlertmanagerDiagnosticCode.classicMatcherSyntax,
                                    "matcher \"\(text)\" uses the classic syntax; Alertmanager 0.27+ accepts it "
                                    + "only in fallback mode (quote the value: name=\"value\")", at: item)
                    }
                    out.strings.append(text)
                    out.all.append(contentsOf: result.matchers)
                } catch {
                    ctx.error(AlertmanagerDiagnosticCode.invalidMatcher, "invalid matcher \"\(text)\": \(error)",
                              at: item)
                }
            }
        }
        return out
    }

    /// Reports `am-config/invalid-label-name` unless `name` is a legacy label name.
    static func checkLabelName(_ name: String, at node: YAMLNode, context ctx: inout YAMLDecodingContext) -> Bool {
        guard LabelNames.isValidLegacyLabelName(name) else {
            ctx.error(AlertmanagerDiagnosticCode.invalidLabelName, "invalid label name \"\(name)\"", at: node)
            return false
        }
        return true
    }

    // MARK: - Writing

    /// The `match`/`match_re`/`matchers` entries for a generated file.
    func nodes(prefix: String) -> [(String, YAMLNode)] {
        var out: [(String, YAMLNode)] = []
        if !match.isEmpty { out.append((prefix + "match", .mapping(match.map { ($0.name, .string($0.value)) }))) }
        if !matchRE.isEmpty {
            out.append((prefix + "match_re", .mapping(matchRE.map { ($0.name, .string($0.value)) })))
        }
        if !strings.isEmpty { out.append((prefix + "matchers", .sequence(strings.map { .string($0) }))) }
        return out
    }
}
