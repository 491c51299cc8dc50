import YAML

extension FuzzTarget {
    /// YAML documents, parsed with the default limits and with tight ones (depth, aliases, nodes).
    public static let yaml = FuzzTarget(name: "yaml", summary: "YAML parser and its limits") { bytes in
        let tight = YAMLLimits(maxBytes: 1 << 16, maxDepth: 16, maxAliasExpansion: 1_000, maxNodes: 2_000)
        for limits in [YAMLLimits.default, tight] {
            let parser = YAMLParser(limits: limits)
            _ = parser.parseCollectingDiagnostics(YAMLInput(name: "fuzz.yml", bytes: bytes))
            if let documents = try? parser.parse(YAMLInput(name: "fuzz.yml", bytes: bytes)) {
                for document in documents { _ = YAMLWriter().write(document.root) }
            }
        }
        return []
    }
}
