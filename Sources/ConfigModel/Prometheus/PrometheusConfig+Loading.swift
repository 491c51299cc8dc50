import Diagnostics
import Foundation
import YAML

// MARK: - Loading

extension PrometheusConfig {
    /// Parses and decodes `text` (the content of `file`), collecting every syntax, decoding and
    /// validation error. File references are not followed; see ``checkReferencedFiles(baseDirectory:)``.
    public static func parse(_ text: String, file: String) -> ConfigLoadResult<PrometheusConfig> {
        parse(YAMLInput(name: file, text: text))
    }

    /// Reads `path` (`-` for standard input) and decodes it like ``parse(_:file:)``.
    public static func load(path: String) -> ConfigLoadResult<PrometheusConfig> {
        do {
            return parse(try YAMLInput.read(path: path))
        } catch let error as YAMLError {
            return ConfigLoadResult(value: nil, diagnostics: error.diagnostics)
        } catch {
            return ConfigLoadResult(value: nil, diagnostics: [.error(YAMLDiagnosticCode.io, "\(path): \(error)")])
        }
    }

    static func parse(_ input: YAMLInput) -> ConfigLoadResult<PrometheusConfig> {
        let parsed = YAMLParser().parseCollectingDiagnostics(input)
        var ctx = YAMLDecodingContext()
        for d in parsed.diagnostics { ctx.report(d) }
        if parsed.hasErrors { return ConfigLoadResult(value: nil, diagnostics: ctx.diagnostics) }
        guard let root = parsed.documents.first?.root else {
            // An empty file is a valid configuration: every default applies.
            var config = PrometheusConfig()
            config.file = input.name
            return ConfigLoadResult(value: config, diagnostics: ctx.diagnostics)
        }
        let config = decode(root, &ctx)
        return ConfigLoadResult(value: config, diagnostics: ctx.diagnostics)
    }
}

// MARK: - Referenced files

extension PrometheusConfig {
    /// What following the files a config names found.
    public struct ReferencedFiles: Sendable {
        /// The rule files matched by `rule_files`, as paths (relative patterns resolved against the base directory).
        public var ruleFiles: [String] = []
        /// Missing TLS/credential files, missing non-glob rule files, malformed file_sd files (errors);
        /// missing file_sd files (warnings).
        public var diagnostics: [Diagnostic] = []
    }

    /// Checks what `rule_files`, TLS/credential files and file_sd files point at, relative to `baseDirectory`
    /// (the config file's directory), as `promtool check config` does.
    /// - Parameter syntaxOnly: only check `rule_files` patterns, never touch the file system (`--syntax-only`).
    public func checkReferencedFiles(baseDirectory: String, syntaxOnly: Bool = false) -> ReferencedFiles {
        var out = ReferencedFiles()
        for pattern in ruleFiles {
            guard RuleFilePattern.isValid(pattern.value) else {
                out.diagnostics.append(.error(ConfigCode.invalidRuleFilePattern,
                                              "\"\(pattern.value)\" is not a valid rule file pattern: '*' is only allowed in the last path component",
                                              at: pattern.location))
                continue
            }
            if syntaxOnly { continue }
            let path = FileGlob.resolve(pattern.value, relativeTo: baseDirectory)
            if RuleFilePattern.isGlob(pattern.value) {
                out.ruleFiles += FileGlob.match(path)
            } else if FileGlob.exists(path) {
                out.ruleFiles.append(path)
            } else {
                let note = MissingFileSuggestion.note(written: pattern.value, lookedFor: path)
                out.diagnostics.append(.error(ConfigCode.missingRuleFile,
                                              "rule file \"\(pattern.value)\" does not exist (looked for \(path))",
                                              at: pattern.location, notes: note.map { [$0] } ?? []))
            }
        }
        guard !syntaxOnly else { return out }
        for file in httpClients.flatMap(\.referencedFiles) {
            let path = FileGlob.resolve(file.value, relativeTo: baseDirectory)
            if !FileGlob.exists(path) {
                out.diagnostics.append(.error(ConfigCode.missingFile, "file \"\(file.value)\" does not exist",
                                              at: file.location))
            }
        }
        for file in discoveries.flatMap(\.fileSDConfigs).flatMap(\.files) {
            out.diagnostics += FileSDCheck.check(file, baseDirectory: baseDirectory)
        }
        return out
    }

    /// Every HTTP client of the config.
    var httpClients: [HTTPClientConfig] {
        scrapeConfigs.map(\.httpClient) + alerting.alertmanagers.map(\.httpClient)
            + remoteWrite.map(\.httpClient) + remoteRead.map(\.httpClient)
            + scrapeConfigs.flatMap { $0.serviceDiscovery.dockerSDConfigs.map(\.httpClient) }
    }

    /// Every service discovery block of the config.
    var discoveries: [ServiceDiscoveryConfigs] {
        scrapeConfigs.map(\.serviceDiscovery) + alerting.alertmanagers.map(\.serviceDiscovery)
    }
}
