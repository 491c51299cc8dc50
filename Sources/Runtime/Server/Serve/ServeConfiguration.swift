import ConfigModel
import Diagnostics
import Foundation

/// One loaded configuration of `labctl serve`: the prometheus.yml (and its text), the rule files it
/// names, and the embedded Alertmanager's configuration. Loading is all or nothing: any error
/// leaves the caller with the configuration it already runs.
public struct ServeConfiguration: Sendable {
    /// The decoded prometheus.yml.
    public var prometheus: PrometheusConfig
    /// Its text, as `/api/v1/status/config` shows it.
    public var prometheusText: String
    /// The rule files `rule_files` matched, decoded.
    public var ruleFiles: [RuleFile]
    /// The embedded Alertmanager's configuration and text, when one was given.
    public var alertmanager: (config: AlertmanagerConfig, text: String)?
    /// The directory relative paths of the config are resolved against.
    public var baseDirectory: String
    /// Warnings found while loading (rendered).
    public var warnings: [String]

    /// Reads and validates everything `options` names.
    /// - Throws: ``ServeError`` with every error diagnostic.
    public static func load(_ options: ServeOptions) throws -> ServeConfiguration {
        let path = options.configPath
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServeError("cannot read the configuration \(path)")
        }
        let text = String(decoding: data, as: UTF8.self)
        let result = PrometheusConfig.parse(text, file: path)
        var warnings = result.diagnostics.filter { $0.severity != .error }.map(\.description)
        guard let config = result.validValue else {
            throw ServeError("the configuration \(path) is invalid",
                             details: result.diagnostics.filter { $0.severity == .error }.map(\.description))
        }
        let base = (path as NSString).deletingLastPathComponent
        let baseDirectory = base.isEmpty ? "." : base
        let referenced = config.checkReferencedFiles(baseDirectory: baseDirectory)
        let referenceErrors = referenced.diagnostics.filter { $0.severity == .error }
        if !referenceErrors.isEmpty {
            throw ServeError("the configuration \(path) names files that cannot be used",
                             details: referenceErrors.map(\.description))
        }
        warnings += referenced.diagnostics.filter { $0.severity != .error }.map(\.description)
        var rules: [RuleFile] = []
        var ruleErrors: [String] = []
        for file in referenced.ruleFiles {
            let loaded = RuleFile.load(path: file)
            if let value = loaded.validValue { rules.append(value) } else {
                ruleErrors += loaded.diagnostics.filter { $0.severity == .error }.map(\.description)
            }
            warnings += loaded.diagnostics.filter { $0.severity == .warning }.map(\.description)
        }
        if !ruleErrors.isEmpty { throw ServeError("a rule file of \(path) is invalid", details: ruleErrors) }
        var alertmanager: (AlertmanagerConfig, String)?
        if let amPath = options.alertmanagerConfigPath {
            guard let amData = FileManager.default.contents(atPath: amPath) else {
                throw ServeError("cannot read the Alertmanager configuration \(amPath)")
            }
            let amText = String(decoding: amData, as: UTF8.self)
            let (am, diagnostics) = AlertmanagerConfig.load(text: amText, file: amPath).parts
            let errors = diagnostics.filter { $0.severity == .error }
            guard let am, errors.isEmpty else {
                throw ServeError("the Alertmanager configuration \(amPath) is invalid", details: errors.map(\.description))
            }
            alertmanager = (am, amText)
        }
        return ServeConfiguration(prometheus: config, prometheusText: text, ruleFiles: rules,
                                  alertmanager: alertmanager, baseDirectory: baseDirectory, warnings: warnings)
    }
}
