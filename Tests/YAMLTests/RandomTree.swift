import LabctlTestSupport
@testable import YAML

/// Random node trees full of values that are hard to write back correctly.
enum RandomTree {
    static let tricky: [String] = [
        "", " ", "true", "True", "yes", "no", "on", "off", "y", "n", "null", "Null", "~", "1", "-1", "+1", "0x1F",
        "0o17", "1.5", "1e3", ".inf", "-.inf", ".nan", "1_000", "0777", "1:30", "a: b", "a:b", "a #b", "a#b",
        "#c", "- x", "-x", "? q", ":x", "[a]", "{a}", "a, b", "*x", "&x", "!x", "|", ">", "'", "\"", "%x", "@x",
        "`x", "it's", "\"q\"", "back\\slash", "tab\there", "line\nbreak", "trail\n", "two\n\n", "\nlead",
        "  spaced\nx", "x\n  y\n", "x\n \ny", "crlf\r\nx", "nel\u{85}x", "ls\u{2028}x", "bom\u{FEFF}",
        "bell\u{07}", "nul\u{0}", "del\u{7F}", "ñandú", "日本語", "emoji 🎉", "<<", "---", "...", "--- x", "... x",
        "a ", " a", "=", "rate(x[5m])", "{{ $labels.job }}", "http://host:9090/path?q=1#frag", "5m", "1h30m",
        String(repeating: "long ", count: 300),
    ]

    static func scalar(rng: inout SeededRandom) -> YAMLNode {
        let value = tricky[Int.random(in: 0..<tricky.count, using: &rng)]
        let styles: [YAMLScalar.Style] = [.plain, .doubleQuoted, .singleQuoted, .literal]
        var style = styles[Int.random(in: 0..<styles.count, using: &rng)]
        // A plain scalar must hold what a plain scalar can resolve from: keep only well-formed plain values.
        if style == .plain, !(ScalarRendering.isPlainSafe(value) && YAMLScalar.resolvePlain(value) != .string) {
            style = .doubleQuoted
        }
        return YAMLNode(.scalar(YAMLScalar(value, style: style)))
    }

    static func node(depth: Int, rng: inout SeededRandom) -> YAMLNode {
        let pick = depth > 4 ? 0 : Int.random(in: 0..<3, using: &rng)
        switch pick {
        case 1:
            let n = Int.random(in: 0..<5, using: &rng)
            return .sequence((0..<n).map { _ in node(depth: depth + 1, rng: &rng) })
        case 2:
            let n = Int.random(in: 0..<5, using: &rng)
            var pairs: [YAMLNode.Pair] = []
            var used = Set<String>()
            for _ in 0..<n {
                let key = scalar(rng: &rng)
                guard let text = key.scalarValue, used.insert(text).inserted, text != "<<" else { continue }
                pairs.append(.init(key: key, value: node(depth: depth + 1, rng: &rng)))
            }
            return YAMLNode(.mapping(pairs))
        default:
            return scalar(rng: &rng)
        }
    }
}
