import CYAML
import Diagnostics

/// Drives libyaml's event parser over a byte buffer and builds node trees, enforcing ``YAMLLimits``.
///
/// Collections under construction live on `stack`; finished nodes are attached to the innermost
/// open collection, or become a document root when the stack is empty.
struct YAMLTreeBuilder {
    /// An open sequence or mapping.
    struct Frame {
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [YAMLNode.Pair] = []
        var pendingKey: YAMLNode?
        var start: (line: Int32, column: Int32)
        var tag: String?
        var anchor: String?
        /// Nodes in the subtree, this one included, counting alias expansions.
        var size = 1
        /// Collection nesting of the subtree (1 for a collection of scalars).
        var height = 1
        var hasMerge = false
        /// Scalar key text → index in `pairs`, built once a mapping grows past `indexThreshold`.
        var keyIndex: [String: Int]?
    }

    /// A completed anchored node and what referencing it costs.
    struct Anchored {
        var node: YAMLNode
        var size: Int
        var height: Int
    }

    static let indexThreshold = 8

    let file: String
    let limits: YAMLLimits
    let source: UnsafeBufferPointer<UInt8>
    var documents: [YAMLDocument] = []
    var diagnostics: [Diagnostic] = []
    var stack: [Frame] = []
    var anchors: [String: Anchored] = [:]
    var root: YAMLNode?
    var aliasExpanded = 0
    var nodeCount = 0

    init(file: String, limits: YAMLLimits, source: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.limits = limits
        self.source = source
    }

    // MARK: - Event loop

    /// Parses the whole stream; a fatal problem is appended to `diagnostics` and stops the run.
    mutating func run() {
        guard let base = source.baseAddress, source.count > 0 else { return }
        if !hasUTF16ByteOrderMark, let bad = UTF8Scanner.firstInvalidOffset(source) {
            let at = UTF8Scanner.location(ofByteOffset: bad, in: source, file: file)
            let byte = source[bad]
            fail(YAMLDiagnosticCode.invalidUTF8, "invalid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) "
                 + "cannot appear here; the file must be UTF-8 text", at: at)
            return
        }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            fail(YAMLDiagnosticCode.syntax, "cannot initialise the YAML parser (out of memory)", at: nil)
            return
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, source.count)

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) != 0 else {
                reportLibyamlError(parser.pointee)
                return
            }
            let keepGoing = handle(&event)
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if !keepGoing || done { return }
        }
    }

    private var hasUTF16ByteOrderMark: Bool {
        source.count >= 2 && ((source[0] == 0xFF && source[1] == 0xFE) || (source[0] == 0xFE && source[1] == 0xFF))
    }

    /// Handles one event; returns `false` after a fatal error.
    private mutating func handle(_ event: inout yaml_event_t) -> Bool {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            beginDocument()
        case YAML_DOCUMENT_END_EVENT:
            endDocument(start: position(event.start_mark), end: position(event.end_mark))
        case YAML_SCALAR_EVENT:
            return scalar(&event)
        case YAML_ALIAS_EVENT:
            return alias(&event)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            return open(isMapping: false, event: event, tag: data.tag, anchor: data.anchor)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            return open(isMapping: true, event: event, tag: data.tag, anchor: data.anchor)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            return close(end: position(event.end_mark))
        default:
            break
        }
        return true
    }

    // MARK: - Nodes

    /// A document starts: anchors of earlier documents are forgotten.
    mutating func beginDocument() {
        anchors.removeAll(keepingCapacity: true)
        root = nil
    }

    /// A document ends; one without content gets a null scalar root spanning `start`–`end`.
    mutating func endDocument(start: (line: Int32, column: Int32), end: (line: Int32, column: Int32)) {
        let node = root ?? YAMLNode(kind: .scalar(YAMLScalar("")), file: file, start: start, end: end,
                                    tag: nil, anchor: nil)
        documents.append(YAMLDocument(root: node))
        root = nil
    }

    /// An untagged, unanchored scalar from the fast reader (``YAMLBlockReader``).
    mutating func addScalar(_ value: consuming String, style: YAMLScalar.Style, start: (line: Int32, column: Int32),
                            end: (line: Int32, column: Int32)) -> Bool {
        guard countNode(at: start) else { return false }
        let node = YAMLNode(kind: .scalar(YAMLScalar(value, style: style)), file: file, start: start, end: end,
                            tag: nil, anchor: nil)
        return attach(node, size: 1, height: 0)
    }

    private mutating func scalar(_ event: inout yaml_event_t) -> Bool {
        guard countNode(at: position(event.start_mark)) else { return false }
        let data = event.data.scalar
        let value: String
        if let p = data.value, data.length > 0 {
            value = String(decoding: UnsafeBufferPointer(start: p, count: Int(data.length)), as: UTF8.self)
        } else {
            value = ""
        }
        let style: YAMLScalar.Style
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let anchor = string(data.anchor)
        let node = YAMLNode(kind: .scalar(YAMLScalar(value, style: style)), file: file,
                            start: position(event.start_mark), end: position(event.end_mark),
                            tag: string(data.tag), anchor: anchor)
        if let anchor { anchors[anchor] = Anchored(node: node, size: 1, height: 0) }
        return attach(node, size: 1, height: 0)
    }

    private mutating func alias(_ event: inout yaml_event_t) -> Bool {
        let name = string(event.data.alias.anchor) ?? ""
        let at = location(event.start_mark)
        guard let target = anchors[name] else {
            fail(YAMLDiagnosticCode.unknownAlias, "unknown alias *\(name): no anchor &\(name) defined before it", at: at)
            return false
        }
        let (expanded, overflow) = aliasExpanded.addingReportingOverflow(target.size)
        guard !overflow, expanded <= limits.maxAliasExpansion else {
            fail(YAMLDiagnosticCode.aliasLimit,
                 "aliases expand to more than \(limits.maxAliasExpansion) nodes (a \"billion laughs\" input?)",
                 at: at)
            return false
        }
        aliasExpanded = expanded
        guard stack.count + target.height <= limits.maxDepth else {
            fail(YAMLDiagnosticCode.depthLimit,
                 "alias *\(name) nests collections deeper than the limit of \(limits.maxDepth)", at: at)
            return false
        }
        var node = target.node
        let start = position(event.start_mark), end = position(event.end_mark)
        (node.startLine, node.startColumn, node.endLine, node.endColumn) = (start.line, start.column, end.line, end.column)
        return attach(node, size: target.size, height: target.height)
    }

    private mutating func open(isMapping: Bool, event: yaml_event_t, tag: UnsafeMutablePointer<UInt8>?,
                               anchor: UnsafeMutablePointer<UInt8>?) -> Bool {
        openCollection(isMapping: isMapping, start: position(event.start_mark), tag: string(tag),
                       anchor: string(anchor))
    }

    /// A sequence or mapping starts at `start`; its items follow until ``close(end:)``.
    mutating func openCollection(isMapping: Bool, start: (line: Int32, column: Int32), tag: String? = nil,
                                 anchor: String? = nil) -> Bool {
        guard countNode(at: start) else { return false }
        guard stack.count < limits.maxDepth else {
            fail(YAMLDiagnosticCode.depthLimit,
                 "collections are nested deeper than the limit of \(limits.maxDepth)", at: location(start))
            return false
        }
        stack.append(Frame(isMapping: isMapping, start: start, tag: tag, anchor: anchor))
        return true
    }

    /// The innermost open collection ends at `end`.
    mutating func close(end: (line: Int32, column: Int32)) -> Bool {
        guard var frame = stack.popLast() else { return true }
        let kind: YAMLNode.Kind
        if frame.isMapping {
            if frame.hasMerge, !applyMerges(&frame) { return false }
            kind = .mapping(frame.pairs)
        } else {
            kind = .sequence(frame.items)
        }
        let node = YAMLNode(kind: kind, file: file, start: frame.start, end: end, tag: frame.tag, anchor: frame.anchor)
        if let anchor = frame.anchor { anchors[anchor] = Anchored(node: node, size: frame.size, height: frame.height) }
        return attach(node, size: frame.size, height: frame.height)
    }

    private mutating func countNode(at start: (line: Int32, column: Int32)) -> Bool {
        nodeCount += 1
        guard nodeCount <= limits.maxNodes else {
            fail(YAMLDiagnosticCode.tooLarge, "more than \(limits.maxNodes) nodes", at: location(start))
            return false
        }
        return true
    }

    // MARK: - Conversions

    func string(_ p: UnsafeMutablePointer<UInt8>?) -> String? {
        p.map { String(cString: $0) }
    }

    func position(_ mark: yaml_mark_t) -> (line: Int32, column: Int32) {
        (Int32(clamping: min(mark.line, 1 << 30)) + 1, Int32(clamping: min(mark.column, 1 << 30)) + 1)
    }

    func location(_ mark: yaml_mark_t) -> SourceLocation {
        location(position(mark))
    }

    func location(_ p: (line: Int32, column: Int32)) -> SourceLocation {
        SourceLocation(file: file, line: Int(p.line), column: Int(p.column))
    }

    mutating func fail(_ code: String, _ message: String, at location: SourceLocation?,
                       notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(code, message, at: location, notes: notes))
    }
}
