import YAML

/// One `volumes:` entry of a service, from the short (`./data:/data:ro`) or long syntax.
public struct ComposeVolumeMount: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case volume, bind, tmpfs, npipe, cluster, image
    }

    public var kind: Kind
    /// A named volume, a host path, or `nil` for an anonymous volume / tmpfs.
    public var source: String?
    /// The path in the container.
    public var target: String
    public var readOnly: Bool
    /// Short-syntax mode options (`ro`, `z`, `rslave`…), as written.
    public var options: [String]

    public init(kind: Kind, source: String?, target: String, readOnly: Bool = false, options: [String] = []) {
        self.kind = kind
        self.source = source
        self.target = target
        self.readOnly = readOnly
        self.options = options
    }

    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    static let modes: Set<String> = ["ro", "rw", "z", "Z", "shared", "rshared", "slave", "rslave", "private",
                                     "rprivate", "nocopy", "cached", "delegated", "consistent"]

    /// Whether a short-syntax source is a host path rather than a volume name.
    static func isPath(_ source: String) -> Bool {
        source.hasPrefix(".") || source.hasPrefix("/") || source.hasPrefix("~") || source.hasPrefix("$")
            || (source.count >= 2 && source.dropFirst().first == ":")
    }

    /// Parses `[SOURCE:]TARGET[:MODE]`.
    public static func parse(_ text: String) throws -> ComposeVolumeMount {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard !text.isEmpty, parts.count <= 3, !parts.contains(where: \.isEmpty) else {
            throw ParseError(message: "invalid volume specification \"\(text)\"")
        }
        if parts.count == 1 {
            return ComposeVolumeMount(kind: .volume, source: nil, target: parts[0])
        }
        let source = parts[0], target = parts[1]
        guard target.hasPrefix("/") else {
            throw ParseError(message: "invalid volume specification \"\(text)\": container path \"\(target)\" is not absolute")
        }
        let options = parts.count == 3 ? parts[2].split(separator: ",").map(String.init) : []
        for option in options where !modes.contains(option) {
            throw ParseError(message: "invalid volume specification \"\(text)\": unknown mode \"\(option)\"")
        }
        return ComposeVolumeMount(kind: isPath(source) ? .bind : .volume, source: source, target: target,
                                  readOnly: options.contains("ro"), options: options)
    }

    /// The short-syntax text (long-syntax extras are not kept).
    public var shortSyntax: String {
        ([source, target].compactMap { $0 } + (options.isEmpty ? [] : [options.joined(separator: ",")]))
            .joined(separator: ":")
    }
}

// MARK: - Decoding

extension ComposeVolumeMount {
    static let longKeys = ["type", "source", "target", "read_only", "consistency", "bind", "volume", "tmpfs",
                           "image"]

    static func decode(_ node: YAMLNode, context ctx: inout YAMLDecodingContext) -> ComposeVolumeMount? {
        if node.mapping != nil {
            guard let m = ComposeFile.mapping(node, allowed: longKeys, what: "volume", context: &ctx),
                  let typeNode = ctx.required("type", in: m, what: "volume"),
                  let typeText = ctx.string(typeNode, what: "type") else { return nil }
            guard let kind = Kind(rawValue: typeText) else {
                ctx.error(ComposeDiagnosticCode.invalidVolume, "invalid volume type \"\(typeText)\"", at: typeNode)
                return nil
            }
            guard let targetNode = ctx.required("target", in: m, what: "volume"),
                  let target = ctx.string(targetNode, what: "target") else { return nil }
            let source = ctx.string(m["source"], what: "source")
            if kind == .bind, source == nil {
                ctx.error(ComposeDiagnosticCode.invalidVolume, "a bind mount needs a source", at: node)
            }
            _ = ComposeFile.mapping(m["bind"], allowed: ["propagation", "create_host_path", "selinux"],
                                    what: "bind", context: &ctx)
            _ = ComposeFile.mapping(m["volume"], allowed: ["nocopy", "subpath"], what: "volume", context: &ctx)
            _ = ComposeFile.mapping(m["tmpfs"], allowed: ["size", "mode"], what: "tmpfs", context: &ctx)
            return ComposeVolumeMount(kind: kind, source: source, target: target,
                                      readOnly: ctx.bool(m["read_only"], what: "read_only") ?? false)
        }
        guard let text = ctx.string(node, what: "volume") else { return nil }
        if text.contains("${") { return nil }
        do {
            return try parse(text)
        } catch {
            ctx.error(ComposeDiagnosticCode.invalidVolume, "\(error)", at: node)
            return nil
        }
    }
}
