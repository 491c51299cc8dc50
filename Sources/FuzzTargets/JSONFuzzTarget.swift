import YAML

extension FuzzTarget {
    /// JSON documents (dashboards, API bodies): parsed, written back, and the written text parsed again.
    public static let json = FuzzTarget(name: "json", summary: "JSON parser and writer") { bytes in
        let parser = JSONParser(limits: YAMLLimits(maxBytes: 1 << 20, maxDepth: 64))
        _ = parser.parseCollectingDiagnostics(YAMLInput(name: "fuzz.json", bytes: bytes))
        guard let node = try? parser.parse(YAMLInput(name: "fuzz.json", bytes: bytes)) else { return [] }
        let written = JSONWriter(pretty: false).write(node)
        guard (try? parser.parse(written, file: "rewritten.json")) != nil else {
            return ["JSONWriter output does not parse: \(written.prefix(200))"]
        }
        return []
    }
}
