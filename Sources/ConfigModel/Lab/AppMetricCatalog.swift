/// The metrics a Python app declares with `prometheus_client`, found by reading its sources: the first
/// argument of `Counter(…)`, `Gauge(…)`, `Histogram(…)`, `Summary(…)`, `Info(…)` and `Enum(…)`, expanded with
/// the suffixes the client adds (`_total`, `_bucket`, `_sum`, `_count`, `_created`, `_info`).
///
/// ```swift
/// let catalog = AppMetricCatalog.scan(source: "c = Counter('http_requests_total', 'Requests')")
/// catalog.contains("http_requests_total")   // true
/// ```
/// f-string names (`f'{domain}_requests_total'`) become patterns with `*` for each `{…}`. A name that is
/// not a literal at all makes the catalog open-ended: any metric might be declared.
public struct AppMetricCatalog: Sendable {
    /// Exposed series names.
    public var names: Set<String> = []
    /// Exposed names with `*` wildcards, from f-strings.
    public var patterns: [String] = []
    /// Whether some metric name could not be read (a variable), so any name may exist.
    public var isOpenEnded = false
    /// The source files read.
    public var files: [String] = []

    public init() {}

    /// Whether the app may expose `metric`.
    public func contains(_ metric: String) -> Bool {
        isOpenEnded || names.contains(metric) || patterns.contains { Self.glob($0, matches: metric) }
    }

    /// Whether nothing was found.
    public var isEmpty: Bool { names.isEmpty && patterns.isEmpty && !isOpenEnded }

    // MARK: - Scanning

    /// Scans the Python files at `paths` (unreadable files are skipped).
    public static func scan(files paths: [String]) -> AppMetricCatalog {
        var out = AppMetricCatalog()
        for path in paths {
            guard let text = LabPath.readText(path, maxBytes: 1 << 20) else { continue }
            out.files.append(path)
            out.merge(scan(source: text))
        }
        return out
    }

    /// Scans one Python source.
    public static func scan(source: String) -> AppMetricCatalog {
        var out = AppMetricCatalog()
        guard source.contains("prometheus_client") || source.contains("prometheus_fastapi_instrumentator") else {
            return out
        }
        if source.contains("prometheus_fastapi_instrumentator") || source.contains("Instrumentator(") {
            for (name, kind) in instrumentatorMetrics { out.add(name, kind: kind) }
        }
        let bytes = Array(source.utf8)
        for kind in Kind.allCases {
            let word = Array(kind.rawValue.utf8)
            var i = 0
            while let start = find(word, in: bytes, from: i) {
                i = start + word.count
                guard isCall(bytes, start: start, length: word.count) else { continue }
                var j = skipSpace(bytes, from: i)
                guard j < bytes.count, bytes[j] == UInt8(ascii: "(") else { continue }
                j = skipSpace(bytes, from: j + 1)
                j = skipKeyword("name", bytes, from: j)
                if let literal = stringLiteral(bytes, from: j) {
                    out.add(literal.text, kind: kind, isPattern: literal.isPattern)
                } else if kind != .enumeration, kind != .info, !isEmptyCall(bytes, at: j) {
                    out.isOpenEnded = true
                }
            }
        }
        return out
    }

    mutating func merge(_ other: AppMetricCatalog) {
        names.formUnion(other.names)
        patterns += other.patterns
        isOpenEnded = isOpenEnded || other.isOpenEnded
    }

    // MARK: - Names

    enum Kind: String, CaseIterable {
        case counter = "Counter", gauge = "Gauge", histogram = "Histogram", summary = "Summary", info = "Info"
        case enumeration = "Enum"
    }

    static let instrumentatorMetrics: [(String, Kind)] = [
        ("http_requests_total", .counter), ("http_request_duration_seconds", .histogram),
        ("http_request_duration_highr_seconds", .histogram), ("http_request_size_bytes", .summary),
        ("http_response_size_bytes", .summary),
    ]

    mutating func add(_ name: String, kind: Kind, isPattern: Bool = false) {
        let exposed: [String]
        switch kind {
        case .counter:
            let base = name.hasSuffix("_total") ? String(name.dropLast(6)) : name
            exposed = [base + "_total", base + "_created"]
        case .gauge, .enumeration: exposed = [name]
        case .histogram: exposed = ["_bucket", "_sum", "_count", "_created"].map { name + $0 }
        case .summary: exposed = [name] + ["_sum", "_count", "_created"].map { name + $0 }
        case .info: exposed = [name + "_info"]
        }
        if isPattern { patterns += exposed } else { names.formUnion(exposed) }
    }

    /// Whether `pattern` (with `*` matching any run of characters) matches all of `text`.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return pattern == text }
        var rest = Substring(text)
        guard let first = parts.first, rest.hasPrefix(first) else { return false }
        rest = rest.dropFirst(first.count)
        for (index, part) in parts.enumerated().dropFirst() {
            if index == parts.count - 1 { return rest.hasSuffix(part) && rest.count >= part.count }
            guard !part.isEmpty else { continue }
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    // MARK: - Byte scanning

    private static func find(_ word: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = word.first, bytes.count >= word.count else { return nil }
        var i = start
        while i + word.count <= bytes.count {
            if bytes[i] == first, bytes[i..<(i + word.count)].elementsEqual(word) { return i }
            i += 1
        }
        return nil
    }

    private static func isIdentifier(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }

    /// The word stands alone (not `MyCounter`, `Counters`), is not `class Counter(` nor `collections.Counter(`.
    private static func isCall(_ bytes: [UInt8], start: Int, length: Int) -> Bool {
        if start > 0, isIdentifier(bytes[start - 1]) { return false }
        if start + length < bytes.count, isIdentifier(bytes[start + length]) { return false }
        let before = String(decoding: bytes[max(0, start - 12)..<start], as: UTF8.self)
        return !before.hasSuffix("class ") && !before.hasSuffix("def ") && !before.hasSuffix("collections.")
    }

    private static func skipSpace(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "\\"): i += 1
            case UInt8(ascii: "#"):
                while i < bytes.count, bytes[i] != 0x0A { i += 1 }
            default: return i
            }
        }
        return i
    }

    private static func skipKeyword(_ keyword: String, _ bytes: [UInt8], from start: Int) -> Int {
        let word = Array(keyword.utf8)
        guard start + word.count <= bytes.count, bytes[start..<(start + word.count)].elementsEqual(word) else {
            return start
        }
        let j = skipSpace(bytes, from: start + word.count)
        guard j < bytes.count, bytes[j] == UInt8(ascii: "=") else { return start }
        return skipSpace(bytes, from: j + 1)
    }

    private static func isEmptyCall(_ bytes: [UInt8], at i: Int) -> Bool {
        i < bytes.count && bytes[i] == UInt8(ascii: ")")
    }

    /// A Python string literal (optional `f`/`r`/`b`/`u` prefixes) starting at `start`; f-string fields become `*`.
    private static func stringLiteral(_ bytes: [UInt8], from start: Int) -> (text: String, isPattern: Bool)? {
        var i = start
        var isFormat = false
        while i < bytes.count, i - start < 2, "fFrRbBuU".utf8.contains(bytes[i]) {
            if bytes[i] == UInt8(ascii: "f") || bytes[i] == UInt8(ascii: "F") { isFormat = true }
            i += 1
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "'") || bytes[i] == UInt8(ascii: "\"") else { return nil }
        let quote = bytes[i]
        i += 1
        var out: [UInt8] = []
        var depth = 0
        var isPattern = false
        while i < bytes.count, bytes[i] != quote, bytes[i] != 0x0A, out.count < 512 {
            let b = bytes[i]
            if isFormat, b == UInt8(ascii: "{") {
                if depth == 0 { out.append(UInt8(ascii: "*")); isPattern = true }
                depth += 1
            } else if isFormat, b == UInt8(ascii: "}"), depth > 0 {
                depth -= 1
            } else if depth == 0 {
                out.append(b)
            }
            i += 1
        }
        guard i < bytes.count, bytes[i] == quote, !out.isEmpty else { return nil }
        return (String(decoding: out, as: UTF8.self), isPattern)
    }
}
