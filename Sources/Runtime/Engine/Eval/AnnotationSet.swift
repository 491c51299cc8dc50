import PromQL

/// Annotations gathered during one query, deduplicated, in first-raised order.
struct AnnotationSet {
    private(set) var list: [Annotation] = []
    private var seen: Set<Annotation> = []

    mutating func add(_ a: Annotation) {
        if seen.insert(a).inserted { list.append(a) }
    }

    mutating func warn(_ message: String, _ span: SourceSpan) {
        add(Annotation(severity: .warning, message: message, span: span))
    }

    mutating func info(_ message: String, _ span: SourceSpan) {
        add(Annotation(severity: .info, message: message, span: span))
    }
}
