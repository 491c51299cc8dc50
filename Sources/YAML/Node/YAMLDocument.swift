/// One document of a YAML stream (a file may hold several, separated by `---`).
public struct YAMLDocument: Sendable {
    /// The document's root node. A document with no content (`---` alone) has a null scalar root.
    public var root: YAMLNode
    /// The file the document came from.
    public var file: String { root.file }

    public init(root: YAMLNode) {
        self.root = root
    }
}
