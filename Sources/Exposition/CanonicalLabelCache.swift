import PromModel

/// Turns a line's labels, in input order, into `Labels` (sorted by name, without empty values),
/// remembering the previous line's answer.
///
/// Consecutive sample lines mostly have the same label names in the same order, and often the very
/// same labels (backfill data repeats a series line after line). So the cache keeps the last input,
/// its `Labels` and the order that sorts its names:
/// - the same labels as the last line give the last `Labels` back, sharing its storage;
/// - the same names (the scanner hands out the previous line's strings for equal names, so the
///   comparison is cheap) reuse the sorting order, with no string comparison;
/// - otherwise the names are checked for order and, when out of order, sorted once.
///
/// Names are unique (the scanner rejects duplicates before this runs).
struct CanonicalLabelCache {
    private var input: [Label] = []
    private var labels = Labels.empty
    /// Indices of `input` in name order; `nil` when the names were already in order.
    private var order: [Int]?

    /// The canonical `Labels` of `raw`. `sameNames` and `sameLabels` may say what the scanner already
    /// knows about `raw` against the last input (its names, or names and values, are the same);
    /// `false` means "unknown", and the labels are compared.
    mutating func labels(for raw: [Label], sameNames: Bool = false, sameLabels: Bool = false) -> Labels {
        if sameLabels { return labels }
        if sameNames {
            input = raw
            labels = Self.apply(order, to: raw)
            return labels
        }
        if raw.count == input.count {
            if raw == input { return labels }
            if Self.sameNames(raw, input) {
                input = raw
                labels = Self.apply(order, to: raw)
                return labels
            }
        }
        input = raw
        order = Self.sortingOrder(raw)
        labels = Self.apply(order, to: raw)
        return labels
    }

    private static func sameNames(_ a: [Label], _ b: [Label]) -> Bool {
        for i in a.indices where a[i].name != b[i].name { return false }
        return true
    }

    /// The order that sorts `raw` by name, `nil` when it is sorted already.
    private static func sortingOrder(_ raw: [Label]) -> [Int]? {
        var i = 1
        while i < raw.count, raw[i - 1].name < raw[i].name { i += 1 }
        if i >= raw.count { return nil }
        return raw.indices.sorted { raw[$0].name < raw[$1].name }
    }

    /// `raw` in `order` without the empty values.
    private static func apply(_ order: [Int]?, to raw: [Label]) -> Labels {
        guard let order else {
            if !raw.contains(where: { $0.value.isEmpty }) { return Labels(sortedUnique: raw) }
            return Labels(sortedUnique: raw.filter { !$0.value.isEmpty })
        }
        var out: [Label] = []
        out.reserveCapacity(raw.count)
        for k in order where !raw[k].value.isEmpty { out.append(raw[k]) }
        return Labels(sortedUnique: out)
    }
}
