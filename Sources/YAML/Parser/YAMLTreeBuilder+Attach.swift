import Diagnostics

// MARK: - Attaching finished nodes

extension YAMLTreeBuilder {
    /// Adds a finished node to the innermost open collection (as an item, a key or a value),
    /// or makes it the document root.
    mutating func attach(_ node: consuming YAMLNode, size: Int, height: Int) -> Bool {
        guard !stack.isEmpty else {
            root = node
            return true
        }
        let top = stack.count - 1
        stack[top].size = stack[top].size.addingReportingOverflow(size).partialValue
        if height + 1 > stack[top].height { stack[top].height = height + 1 }
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return true
        }
        guard let key = stack[top].pendingKey.take() else {
            stack[top].pendingKey = node
            return true
        }
        let isMerge = Self.isMergeKey(key)
        let text = isMerge ? nil : Self.scalarText(key)
        if isMerge {
            stack[top].hasMerge = true
        } else if let text {
            checkDuplicate(text, key: key, in: top)
        }
        stack[top].pairs.append(YAMLNode.Pair(key: key, value: node))
        if let text, stack[top].keyIndex != nil {
            let last = stack[top].pairs.count - 1
            if stack[top].keyIndex?[text] == nil { stack[top].keyIndex?[text] = last }
        }
        return true
    }

    /// The text of a scalar node, without copying the node.
    static func scalarText(_ node: borrowing YAMLNode) -> String? {
        guard case .scalar(let s) = node.kind else { return nil }
        return s.value
    }

    static func isMergeKey(_ key: YAMLNode) -> Bool {
        guard case .scalar(let s) = key.kind, s.value == "<<" else { return false }
        if let tag = key.tag { return tag == YAMLTag.merge }
        return s.style == .plain
    }

    /// Records a `yaml/duplicate-key` diagnostic if `text` is already a key of the mapping at `frameIndex`.
    private mutating func checkDuplicate(_ text: String, key: borrowing YAMLNode, in frameIndex: Int) {
        let pairs = stack[frameIndex].pairs
        var firstIndex: Int?
        if let index = stack[frameIndex].keyIndex {
            firstIndex = index[text]
        } else {
            for i in pairs.indices where Self.scalarText(pairs[i].key) == text && !Self.isMergeKey(pairs[i].key) {
                firstIndex = i
                break
            }
            if pairs.count + 1 >= Self.indexThreshold {
                var index: [String: Int] = [:]
                index.reserveCapacity(pairs.count * 2)
                for i in pairs.indices {
                    if let t = Self.scalarText(pairs[i].key), !Self.isMergeKey(pairs[i].key), index[t] == nil {
                        index[t] = i
                    }
                }
                stack[frameIndex].keyIndex = index
            }
        }
        guard let first = firstIndex, pairs.indices.contains(first) else { return }
        diagnostics.append(.error(YAMLDiagnosticCode.duplicateKey, "duplicate key \"\(text)\" in mapping",
                                  at: key.location,
                                  notes: [Diagnostic.Note("first defined here", at: pairs[first].key.location)]))
    }

    // MARK: - Merge keys

    /// Replaces each `<<` entry by the pairs of the mapping(s) it names, skipping keys the mapping
    /// defines itself; among several merged mappings the earlier ones win.
    mutating func applyMerges(_ frame: inout Frame) -> Bool {
        var explicit = Set<String>()
        for pair in frame.pairs where !Self.isMergeKey(pair.key) {
            if let t = pair.key.scalar?.value { explicit.insert(t) }
        }
        var seen = explicit
        var out: [YAMLNode.Pair] = []
        out.reserveCapacity(frame.pairs.count)
        for pair in frame.pairs {
            guard Self.isMergeKey(pair.key) else {
                out.append(pair)
                continue
            }
            let sources: [YAMLNode]
            switch pair.value.kind {
            case .mapping: sources = [pair.value]
            case .sequence(let items) where items.allSatisfy({ $0.mapping != nil }): sources = items
            default:
                fail(YAMLDiagnosticCode.invalidMerge,
                     "the value of a merge key (<<) must be a mapping or a sequence of mappings, got \(pair.value.resolvedType)",
                     at: pair.value.location)
                return false
            }
            for source in sources {
                for merged in source.mapping ?? [] {
                    guard let t = merged.key.scalar?.value else {
                        out.append(merged)
                        continue
                    }
                    if seen.insert(t).inserted { out.append(merged) }
                }
            }
        }
        frame.pairs = out
        return true
    }
}
