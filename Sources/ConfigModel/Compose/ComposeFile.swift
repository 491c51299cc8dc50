import Diagnostics
import Foundation
import YAML

/// A typed docker-compose file: services, top-level networks and volumes.
///
/// ```swift
/// let (compose, diagnostics) = ComposeFile.load(text: yaml, file: "docker-compose.yml").parts
/// ```
/// Strict like the Compose specification's schema (unknown keys are errors, `x-` extensions allowed),
/// with the cross-checks `docker compose config` makes (undefined volumes, networks, dependencies) and
/// those that would fail at `up` (host-port and container-name clashes, missing bind sources).
public struct ComposeFile: Sendable {
    /// The project `name`, if written.
    public var name: String?
    /// The obsolete `version`, if written.
    public var version: String?
    public var services: [ComposeService] = []
    /// Declared networks (the implicit `default` is not listed).
    public var networks: [String] = []
    /// Declared named volumes.
    public var volumes: [String] = []
    public var secrets: [String] = []
    public var configs: [String] = []
    public var node: YAMLNode?

    public init() {}

    static let keys = ["version", "name", "include", "services", "networks", "volumes", "secrets", "configs",
                       "models"]
    static let networkKeys = ["driver", "driver_opts", "attachable", "enable_ipv6", "enable_ipv4", "ipam",
                              "internal", "labels", "external", "name"]
    static let volumeKeys = ["driver", "driver_opts", "external", "labels", "name"]

    /// The service called `name`.
    public func service(named name: String) -> ComposeService? { services.first { $0.name == name } }

    // MARK: - Loading

    /// Parses and validates compose text. `baseDirectory` is where relative bind-mount sources are looked
    /// up (the compose file's directory); `nil` skips that check.
    public static func load(text: String, file: String, baseDirectory: String? = nil)
        -> ConfigLoadResult<ComposeFile> {
        let parsed = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: file, text: text))
        guard let root = parsed.documents.first?.root else {
            if parsed.hasErrors { return ConfigLoadResult(value: nil, diagnostics: parsed.diagnostics) }
            return ConfigLoadResult(value: nil, diagnostics: [
                .error(YAMLDiagnosticCode.missingKey, "empty compose file",
                                 at: SourceLocation(file: file, line: 1, column: 1))])
        }
        var ctx = YAMLDecodingContext()
        ComposeInterpolation.check(root, context: &ctx)
        guard let compose = decode(root, context: &ctx) else {
            return ConfigLoadResult(value: nil, diagnostics: parsed.diagnostics + ctx.diagnostics)
        }
        return ConfigLoadResult(value: compose,
                                diagnostics: parsed.diagnostics + ctx.diagnostics + compose.validate(baseDirectory: baseDirectory))
    }

    /// Reads and loads a file (`-` for standard input); bind sources are looked up beside the file.
    public static func load(path: String) -> ConfigLoadResult<ComposeFile> {
        ConfigLoadResult.reading(path) { input in
            let base = path == "-" ? nil : (path as NSString).deletingLastPathComponent
            return load(text: String(decoding: input.bytes, as: UTF8.self), file: input.name,
                        baseDirectory: base.map { $0.isEmpty ? "." : $0 })
        }
    }

    /// Decodes a parsed document, reporting shape problems into `ctx`.
    public static func decode(_ root: YAMLNode, context ctx: inout YAMLDecodingContext) -> ComposeFile? {
        guard let m = mapping(root, allowed: keys, what: "compose file", context: &ctx) else { return nil }
        var c = ComposeFile()
        c.node = root
        c.name = ctx.string(m["name"], what: "name")
        if let v = m["version"] {
            c.version = ctx.string(v, what: "version")
            ctx.warning(ComposeDiagnosticCode.obsoleteVersion,
                        "the attribute `version` is obsolete, it will be ignored", at: m.keyNode("version") ?? v)
        }
        if let services = ctx.mapping(m["services"], what: "services") {
            for pair in services.pairs {
                guard let name = ctx.string(pair.key, what: "a service name") else { continue }
                if name.hasPrefix("x-") { continue }
                if let s = ComposeService.decode(name: name, pair.value, context: &ctx) { c.services.append(s) }
            }
        }
        c.networks = declared(m["networks"], keys: networkKeys, what: "network", context: &ctx)
        c.volumes = declared(m["volumes"], keys: volumeKeys, what: "volume", context: &ctx)
        c.secrets = declared(m["secrets"], keys: nil, what: "secret", context: &ctx)
        c.configs = declared(m["configs"], keys: nil, what: "config", context: &ctx)
        return c
    }

    private static func declared(_ node: YAMLNode?, keys: [String]?, what: String,
                                 context ctx: inout YAMLDecodingContext) -> [String] {
        guard let m = ctx.mapping(node, what: what + "s") else { return [] }
        var out: [String] = []
        for pair in m.pairs {
            guard let name = ctx.string(pair.key), !name.hasPrefix("x-") else { continue }
            if let keys { _ = mapping(pair.value, allowed: keys, what: "\(what) \(name)", context: &ctx) }
            out.append(name)
        }
        return out
    }

    /// A mapping whose keys must be in `allowed` or start with `x-` (Compose extensions).
    static func mapping(_ node: YAMLNode?, allowed: [String], what: String,
                        context ctx: inout YAMLDecodingContext) -> YAMLMapping? {
        guard let node else { return nil }
        let extensions = (node.mapping ?? []).compactMap { $0.key.scalarValue }.filter { $0.hasPrefix("x-") }
        return ctx.mapping(node, allowed: allowed + extensions, what: what)
    }
}

// MARK: - File kind

extension ComposeFile {
    /// Top-level keys only a docker-compose file has: `FileKindGuess` tells the kind of a file by them.
    public static let distinctiveTopLevelKeys: Set<String> = ["services", "networks", "volumes", "configs", "secrets", "include"]
}
