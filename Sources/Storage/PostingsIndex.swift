import PromModel

/// The inverted index: for every label name and value, the sorted references of the series
/// that carry it, plus the list of all live series.
///
/// Series references only grow, so appending a new reference keeps every list sorted.
struct PostingsIndex: Sendable {
    private(set) var byName: [String: [String: [UInt32]]] = [:]
    private(set) var all: [UInt32] = []

    // MARK: - Maintenance

    mutating func add(_ ref: UInt32, _ labels: Labels) {
        all.append(ref)
        for label in labels {
            byName[label.name, default: [:]][label.value, default: []].append(ref)
        }
    }

    /// Removes the given references (sorted) for series with the given labels.
    mutating func remove(_ refs: [UInt32], labels: [Labels]) {
        guard !refs.isEmpty else { return }
        all = Postings.subtract(all, refs)
        var touched: [String: Set<String>] = [:]
        for set in labels {
            for label in set { touched[label.name, default: []].insert(label.value) }
        }
        for (name, values) in touched {
            guard var valueMap = byName[name] else { continue }
            for value in values {
                guard let list = valueMap[value] else { continue }
                let rest = Postings.subtract(list, refs)
                valueMap[value] = rest.isEmpty ? nil : rest
            }
            byName[name] = valueMap.isEmpty ? nil : valueMap
        }
    }

    // MARK: - Matching

    /// References of the series matching all matchers, following Prometheus's rules:
    /// a matcher that accepts "" also selects series without the label, so it is applied by
    /// subtracting the series whose value it rejects; the others are unions of the postings of
    /// the values they accept. Regex and negative matchers run once per distinct value of the
    /// label, never once per series.
    func postings(for matchers: [LabelMatcher]) -> [UInt32] {
        var include: [[UInt32]] = []
        var exclude: [[UInt32]] = []
        for m in matchers {
            let values = byName[m.name] ?? [:]
            if m.matchesEmpty {
                switch m.type {
                case .equal:
                    // name="" selects the series without the label.
                    exclude.append(Postings.union(Array(values.values)))
                case .notEqual:
                    if let list = values[m.value] { exclude.append(list) }
                case .regexMatch where m.value == ".*":
                    continue
                case .regexMatch, .regexNoMatch:
                    let rejected = values.compactMap { m.matches($0.key) ? nil : $0.value }
                    if !rejected.isEmpty { exclude.append(Postings.union(rejected)) }
                }
            } else {
                let accepted: [[UInt32]]
                if m.type == .equal {
                    accepted = values[m.value].map { [$0] } ?? []
                } else {
                    accepted = values.compactMap { m.matches($0.key) ? $0.value : nil }
                }
                if accepted.isEmpty { return [] }
                include.append(Postings.union(accepted))
            }
        }
        var result = include.isEmpty ? all : Postings.intersect(include)
        for list in exclude where !result.isEmpty {
            result = Postings.subtract(result, list)
        }
        return result
    }

    // MARK: - Label names and values

    /// Sorted label names present in the index.
    var labelNames: [String] { byName.keys.sorted() }

    /// Sorted values of label `name` present in the index.
    func labelValues(_ name: String) -> [String] {
        (byName[name] ?? [:]).keys.sorted()
    }
}
