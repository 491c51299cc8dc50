/// Emits node trees as block-style YAML that parses back to an equivalent tree
/// (see ``YAMLNode/isEquivalent(to:)``).
///
/// - Mappings keep their key order; indentation is two spaces; sequences under a key are indented.
/// - Strings are written plain when that reads back as the same string for both YAML 1.2 and
///   YAML 1.1 readers (so `"yes"`, `"1.0"`, `"null"`, `""`, `"a: b"` are quoted); multi-line strings
///   use a literal block (`|`) when it is exact, double quotes with escapes otherwise.
/// - Anchors and aliases are not emitted (trees are already expanded); tags are kept.
public struct YAMLWriter: Sendable {
    public init() {}

    // MARK: - Entry points

    /// One document.
    public func write(_ node: YAMLNode) -> String {
        var out = Output()
        out.root(node)
        return out.text
    }

    /// A stream: documents separated by `---` when there are several.
    public func write(documents: [YAMLDocument]) -> String {
        guard documents.count > 1 else { return documents.first.map { write($0.root) } ?? "" }
        var out = Output()
        for doc in documents {
            out.text += "---\n"
            out.root(doc.root)
        }
        return out.text
    }
}

// MARK: - Emitter

/// The text being built, with one method per syntactic position.
struct Output {
    var text = ""

    /// Characters a key may take before it has to be written as an explicit `? key`.
    static let maxImplicitKeyLength = 1000

    private mutating func spaces(_ n: Int) {
        text += String(repeating: " ", count: n)
    }

    private static func isBlockCollection(_ node: YAMLNode) -> Bool {
        switch node.kind {
        case .scalar: return false
        case .sequence(let items): return !items.isEmpty
        case .mapping(let pairs): return !pairs.isEmpty
        }
    }

    private static func tagPrefix(_ node: YAMLNode) -> String? {
        guard !node.kind.isScalar, let tag = node.tag else { return nil }
        return YAMLTag.shortForm(tag)
    }

    /// A document root, starting at column 0.
    mutating func root(_ node: YAMLNode) {
        if Self.isBlockCollection(node) {
            if let tag = Self.tagPrefix(node) { text += tag + "\n" }
            block(node, indent: 0)
        } else {
            inline(node, contentIndent: 2)
        }
    }

    /// A non-block value (scalar or empty collection) right where the cursor is, ending the line.
    private mutating func inline(_ node: YAMLNode, contentIndent: Int) {
        switch node.kind {
        case .scalar:
            switch ScalarRendering.render(node) {
            case .inline(let s):
                text += s
                text += "\n"
            case .literal(let header, let lines, let extraNewlines):
                text += header
                text += "\n"
                for line in lines {
                    if !line.isEmpty {
                        spaces(contentIndent)
                        text += line
                    }
                    text += "\n"
                }
                text += String(repeating: "\n", count: extraNewlines)
            }
        case .sequence:
            text += (Self.tagPrefix(node).map { $0 + " " } ?? "") + "[]\n"
        case .mapping:
            text += (Self.tagPrefix(node).map { $0 + " " } ?? "") + "{}\n"
        }
    }

    /// A non-empty collection whose first line starts at the cursor (already at column `indent`).
    private mutating func block(_ node: YAMLNode, indent: Int) {
        switch node.kind {
        case .scalar:
            inline(node, contentIndent: indent + 2)
        case .sequence(let items):
            for (i, item) in items.enumerated() {
                if i > 0 { spaces(indent) }
                text += "- "
                afterDash(item, indent: indent + 2)
            }
        case .mapping(let pairs):
            for (i, pair) in pairs.enumerated() {
                if i > 0 { spaces(indent) }
                entry(pair, indent: indent)
            }
        }
    }

    /// A node after `- ` or `? `, whose nested lines go at `indent`.
    private mutating func afterDash(_ node: YAMLNode, indent: Int) {
        guard Self.isBlockCollection(node) else {
            inline(node, contentIndent: indent)
            return
        }
        if let tag = Self.tagPrefix(node) {
            text += tag + "\n"
            spaces(indent)
        }
        block(node, indent: indent)
    }

    /// A node after `key:` (no space written yet), whose nested lines go at `indent`.
    private mutating func afterColon(_ node: YAMLNode, indent: Int) {
        guard Self.isBlockCollection(node) else {
            text += " "
            inline(node, contentIndent: indent)
            return
        }
        if let tag = Self.tagPrefix(node) { text += " " + tag }
        text += "\n"
        spaces(indent)
        block(node, indent: indent)
    }

    /// One mapping entry, cursor at column `indent`.
    private mutating func entry(_ pair: YAMLNode.Pair, indent: Int) {
        if case .scalar = pair.key.kind, case .inline(let keyText) = ScalarRendering.render(pair.key),
           keyText.unicodeScalars.count <= Self.maxImplicitKeyLength {
            text += keyText
            text += ":"
        } else {
            text += "? "
            afterDash(pair.key, indent: indent + 2)
            spaces(indent)
            text += ":"
        }
        afterColon(pair.value, indent: indent + 2)
    }
}

extension YAMLNode.Kind {
    var isScalar: Bool {
        if case .scalar = self { return true }
        return false
    }
}
