import Diagnostics
import PromQL
import YAML

/// Where a PromQL query embedded in a YAML scalar starts in its file, so positions inside the query can
/// be reported as file positions.
public struct ExprPosition: Hashable, Sendable {
    /// The position of the query's first character.
    public var base: SourceLocation
    /// Columns to add on the query's second and later lines (the indentation of a block scalar).
    public var continuationIndent: Int

    public init(base: SourceLocation, continuationIndent: Int = 0) {
        self.base = base
        self.continuationIndent = continuationIndent
    }

    /// Finds where the content of scalar `node` starts, using the file's lines for block scalars.
    init(node: YAMLNode, lines: [Substring]) {
        self.init(node: node, lines: RuleFileLines(lines: lines))
    }

    /// ``init(node:lines:)`` with the file's lines split only for block scalars.
    init(node: YAMLNode, lines source: RuleFileLines) {
        let start = node.location
        switch node.scalar?.style {
        case .literal?, .folded?:
            let lines = source.lines
            var line = start.line + 1
            while line - 1 < lines.count, lines[line - 1].allSatisfy({ $0 == " " || $0 == "\r" }) { line += 1 }
            let text = line - 1 < lines.count ? lines[line - 1] : ""
            let indent = text.prefix { $0 == " " }.count
            self.init(base: SourceLocation(file: start.file, line: line, column: indent + 1), continuationIndent: indent)
        case .singleQuoted?, .doubleQuoted?:
            self.init(base: SourceLocation(file: start.file, line: start.line, column: start.column + 1))
        default:
            self.init(base: start)
        }
    }

    /// The file location of byte `offset` of `query`.
    public func location(ofOffset offset: Int, in query: String) -> SourceLocation {
        let map = LineMap(query)
        let (line, _) = map.position(of: offset)
        let column = map.scalarColumn(of: offset)
        if line == 1 {
            return SourceLocation(file: base.file, line: base.line, column: base.column + column - 1)
        }
        return SourceLocation(file: base.file, line: base.line + line - 1, column: continuationIndent + column)
    }
}
