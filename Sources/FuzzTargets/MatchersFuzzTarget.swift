import ConfigModel
import PromModel

extension FuzzTarget {
    /// Alertmanager matchers (`{severity=~"crit.*", team!="db"}`), UTF-8 and classic syntax; each matcher
    /// found is matched against its own value.
    public static let matchers = FuzzTarget(name: "matchers", summary: "Alertmanager matcher parser") { bytes in
        let text = FuzzInput.text(bytes)
        let parser = AlertmanagerMatcherParser()
        var found: [LabelMatcher] = []
        if let result = try? parser.parse(text) { found += result.matchers }
        if let utf8 = try? parser.parseUTF8(text) { found += utf8 }
        if let classic = try? parser.parseClassic(text) { found += classic }
        for matcher in found { _ = matcher.matches(matcher.value) }
        return []
    }
}
