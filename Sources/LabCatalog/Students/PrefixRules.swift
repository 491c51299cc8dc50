/// What makes a metric prefix acceptable for a roster.
///
/// A prefix is `[a-z][a-z0-9_]*`: lower case (Prometheus names are case-sensitive and students
/// type them by hand), starting with a letter (names starting with `_` are reserved by
/// Prometheus), at most 40 characters, without `__` and not ending with `_` (the metric name adds
/// `_` itself: `ana_shop` + `_requests_total`). Words that the lab files already use on their own
/// (`http`, `prometheus`, `process`…) are rejected: they would make every student's files look
/// like they contain that student's prefix.
///
/// Within one roster no prefix may be a prefix of another (`ana` and `ana_shop`, or `ana` and
/// `anabel`: a grader's `ana.*` regex would match both) nor a `_`-separated part of another
/// (`shop` and `ana_shop`: the job name `fastapi-ana-shop` contains `shop`).
public enum PrefixRules {
    /// The longest prefix.
    public static let maxLength = 40

    /// Words lab files use as names of their own.
    public static let reserved: Set<String> = [
        "alertmanager", "alerts", "api", "app", "cadvisor", "container", "cpu", "dashboards", "disk", "docker",
        "domain", "entity", "fastapi", "global", "go", "grafana", "host", "http", "instance", "job", "k6",
        "le", "localhost", "main", "memory", "metrics", "monitoring", "net", "nginx", "node", "prefix",
        "process", "profiler", "prometheus", "python", "pushgateway", "redis", "requests", "scrape",
        "service", "services", "student", "system", "test", "up", "uvicorn",
    ]

    /// Why `prefix` is not a valid metric prefix, or `nil` when it is.
    public static func problem(with prefix: String) -> String? {
        guard !prefix.isEmpty else { return "is empty" }
        let scalars = Array(prefix.unicodeScalars)
        guard let first = scalars.first, ("a"..."z").contains(first) else {
            if let first = scalars.first, ("A"..."Z").contains(first) {
                return "must be lower case (\(prefix.lowercased()))"
            }
            return "must start with a lower-case letter a-z"
        }
        if let bad = scalars.first(where: { !(("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_") }) {
            if ("A"..."Z").contains(bad) { return "must be lower case (\(prefix.lowercased()))" }
            return "contains \"\(bad.escaped(asASCII: true))\"; only a-z, 0-9 and _ are allowed"
        }
        if scalars.count > maxLength { return "is longer than \(maxLength) characters" }
        if prefix.hasSuffix("_") { return "must not end with _ (the metric name adds it)" }
        if prefix.contains("__") { return "must not contain __ (reserved by Prometheus)" }
        if reserved.contains(prefix) { return "is a word the lab files already use; choose a personal prefix (e.g. \(prefix)_<initials>)" }
        return nil
    }

    /// Pairs of indices into `prefixes` that clash (equal, one a prefix of the other, or one a
    /// `_`-separated part of the other), each pair once with the smaller index first, sorted.
    public static func clashes(_ prefixes: [String]) -> [(first: Int, second: Int)] {
        var found = Set<Pair>()
        // Equal or prefix: in sorted order, every string that has p as a prefix follows p directly.
        let order = prefixes.indices.sorted { (prefixes[$0], $0) < (prefixes[$1], $1) }
        for (position, i) in order.enumerated() {
            var next = position + 1
            while next < order.count, prefixes[order[next]].hasPrefix(prefixes[i]) {
                found.insert(Pair(i, order[next]))
                next += 1
            }
        }
        // A `_`-separated part: index every run of components of every prefix.
        var runs: [String: [Int]] = [:]
        for (index, prefix) in prefixes.enumerated() {
            let parts = prefix.split(separator: "_", omittingEmptySubsequences: false)
            guard parts.count > 1, parts.count <= 20 else { continue }
            for start in 1..<parts.count {
                for end in (start + 1)...parts.count {
                    runs[parts[start..<end].joined(separator: "_"), default: []].append(index)
                }
            }
        }
        for (index, prefix) in prefixes.enumerated() {
            for other in runs[prefix] ?? [] where other != index { found.insert(Pair(index, other)) }
        }
        return found.map { ($0.low, $0.high) }.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }

    /// How `a` clashes with `b`, for messages.
    public static func describeClash(_ a: String, _ b: String) -> String {
        if a == b { return "prefix \"\(a)\" is used twice" }
        if b.hasPrefix(a) { return "prefix \"\(a)\" is a prefix of \"\(b)\"" }
        if a.hasPrefix(b) { return "prefix \"\(b)\" is a prefix of \"\(a)\"" }
        if b.split(separator: "_").count > a.split(separator: "_").count {
            return "prefix \"\(a)\" is a part of \"\(b)\""
        }
        return "prefix \"\(b)\" is a part of \"\(a)\""
    }

    private struct Pair: Hashable {
        let low: Int
        let high: Int
        init(_ a: Int, _ b: Int) {
            low = min(a, b)
            high = max(a, b)
        }
    }
}
