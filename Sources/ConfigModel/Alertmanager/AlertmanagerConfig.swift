import Diagnostics
import Foundation
import YAML

/// A typed alertmanager.yml: global defaults, the routing tree, receivers, inhibition rules, time
/// intervals and template globs.
///
/// ```swift
/// let (config, diagnostics) = AlertmanagerConfig.load(text: yaml, file: "alertmanager.yml").parts
/// ```
/// Loading is strict like Alertmanager (unknown keys are errors, with a "did you mean"), reports every
/// problem of the file at once with its position, and applies Alertmanager's defaults and global fallbacks.
public struct AlertmanagerConfig: Sendable {
    public var global = AlertmanagerGlobal()
    /// The root route; `nil` only when the file has none (an error).
    public var route: AlertmanagerRoute?
    public var receivers: [AlertmanagerReceiver] = []
    public var inhibitRules: [AlertmanagerInhibitRule] = []
    /// `time_intervals` and the deprecated top-level `mute_time_intervals`, in that order.
    public var timeIntervals: [AlertmanagerTimeInterval] = []
    /// Template file globs.
    public var templates: [String] = []
    /// The file's root node (`nil` when built in code).
    public var node: YAMLNode?

    public init() {}

    static let keys = ["global", "route", "receivers", "inhibit_rules", "templates", "time_intervals",
                       "mute_time_intervals"]

    /// The receiver called `name`.
    public func receiver(named name: String) -> AlertmanagerReceiver? {
        receivers.first { $0.name == name }
    }

    // MARK: - Loading

    /// Parses and validates alertmanager.yml text. The config is `nil` only when the YAML itself is
    /// unusable (syntax error, not a mapping); diagnostics hold every problem found.
    public static func load(text: String, file: String) -> ConfigLoadResult<AlertmanagerConfig> {
        let parsed = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: file, text: text))
        guard let root = parsed.documents.first?.root else {
            if parsed.hasErrors { return ConfigLoadResult(value: nil, diagnostics: parsed.diagnostics) }
            let d = Diagnostic.error(AlertmanagerDiagnosticCode.noRoute, "no routes provided",
                                     at: SourceLocation(file: file, line: 1, column: 1))
            return ConfigLoadResult(value: nil, diagnostics: [d])
        }
        var ctx = YAMLDecodingContext()
        guard let config = decode(root, context: &ctx) else {
            return ConfigLoadResult(value: nil, diagnostics: parsed.diagnostics + ctx.diagnostics)
        }
        return ConfigLoadResult(value: config, diagnostics: parsed.diagnostics + ctx.diagnostics + config.validate())
    }

    /// Reads and loads a file (`-` for standard input).
    public static func load(path: String) -> ConfigLoadResult<AlertmanagerConfig> {
        ConfigLoadResult.reading(path) { input in
            load(text: String(decoding: input.bytes, as: UTF8.self), file: input.name)
        }
    }

    /// Decodes a parsed document, reporting shape problems into `ctx` (cross-references are checked
    /// by ``validate()``).
    public static func decode(_ root: YAMLNode, context ctx: inout YAMLDecodingContext) -> AlertmanagerConfig? {
        guard let m = ctx.mapping(root, allowed: keys, what: "alertmanager config") else { return nil }
        var c = AlertmanagerConfig()
        c.node = root
        c.global = AlertmanagerGlobal.decode(m["global"], context: &ctx)
        if let routeNode = m["route"], !routeNode.isNull {
            c.route = AlertmanagerRoute.decode(routeNode, context: &ctx)
        }
        c.receivers = ctx.list(m["receivers"], what: "receivers") { [global = c.global] ctx, item in
            AlertmanagerReceiver.decode(item, global: global, context: &ctx)
        } ?? []
        c.inhibitRules = ctx.list(m["inhibit_rules"], what: "inhibit_rules") { ctx, item in
            AlertmanagerInhibitRule.decode(item, context: &ctx)
        } ?? []
        c.timeIntervals = ctx.list(m["time_intervals"], what: "time_intervals") { ctx, item in
            AlertmanagerTimeInterval.decode(item, context: &ctx)
        } ?? []
        let mute = ctx.list(m["mute_time_intervals"], what: "mute_time_intervals") { ctx, item in
            AlertmanagerTimeInterval.decode(item, context: &ctx)
        } ?? []
        c.timeIntervals += mute.map { var t = $0; t.declaredAsMuteTimeInterval = true; return t }
        c.templates = ctx.stringList(m["templates"], what: "templates") ?? []
        return c
    }
}

// MARK: - File kind

extension AlertmanagerConfig {
    /// Top-level keys only an Alertmanager configuration (`global` is shared with Prometheus) has: `FileKindGuess` tells the kind of a file by them.
    public static let distinctiveTopLevelKeys: Set<String> = ["route", "receivers", "inhibit_rules", "templates", "time_intervals",
                                                                  "mute_time_intervals"]
}
