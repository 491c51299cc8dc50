import PromModel

/// Prints routing trees as `amtool config routes show` and `amtool config routes test --tree` do:
/// a `.` root and box-drawing branches, one route per line.
///
/// ```
/// Routing tree:
/// .
/// └── default-route  receiver: default
///     ├── {severity="critical"}  continue: true  receiver: pager
///     └── {team="db"}  receiver: dba
/// ```
public enum RouteTreePrinter {
    /// Options for the line of a route.
    public struct Options: Sendable {
        /// Print `grouping: [a,b]` after the receiver, as amtool releases after 0.25 do (labels sorted).
        public var showGrouping = false
        public init(showGrouping: Bool = false) { self.showGrouping = showGrouping }
    }

    /// `amtool config routes show`: the heading, the whole tree, and a blank line.
    public static func show(_ root: AlertRoute, options: Options = Options()) -> String {
        var lines: [Line] = []
        addAll(root, level: 0, options: options, into: &lines)
        return "Routing tree:\n" + render(lines) + "\n"
    }

    /// `amtool config routes test --tree`: the routes visited for `labels`, receivers on the leaves,
    /// followed by two blank lines.
    public static func matchingTree(_ root: AlertRoute, labels: Labels) -> String {
        var lines: [Line] = []
        addMatching(root, labels: labels, level: 0, into: &lines)
        return "Matching routes:\n" + render(lines) + "\n\n"
    }

    /// The text of one route: matchers (or `default-route`), `continue: true`, `receiver: x`.
    public static func slug(_ route: AlertRoute, showContinue: Bool, showReceiver: Bool,
                            options: Options = Options()) -> String {
        var s = route.slug
        if route.continueMatching, showContinue { s += "  continue: true" }
        if showReceiver {
            s += "  receiver: " + route.receiver
            if options.showGrouping, !route.groupBy.isEmpty {
                s += "  grouping: [" + route.groupBy.sorted().joined(separator: ",") + "]"
            }
        }
        return s
    }

    // MARK: - Building

    private struct Line {
        var level: Int
        var text: String
    }

    private static func addAll(_ route: AlertRoute, level: Int, options: Options, into lines: inout [Line]) {
        lines.append(Line(level: level, text: slug(route, showContinue: true, showReceiver: true, options: options)))
        for child in route.routes { addAll(child, level: level + 1, options: options, into: &lines) }
    }

    private static func addMatching(_ route: AlertRoute, labels: Labels, level: Int, into lines: inout [Line]) {
        let index = lines.count
        lines.append(Line(level: level, text: slug(route, showContinue: false, showReceiver: false)))
        var final = true
        for child in route.routes where child.matches(labels) {
            addMatching(child, labels: labels, level: level + 1, into: &lines)
            final = false
            if !child.continueMatching { break }
        }
        if final { lines[index].text = slug(route, showContinue: false, showReceiver: true) }
    }

    // MARK: - Rendering

    /// Draws lines (in depth-first order with their levels) under a `.` root.
    private static func render(_ lines: [Line]) -> String {
        var out = ".\n"
        // isLast[i]: whether line i is the last child of its parent.
        var isLast = [Bool](repeating: true, count: lines.count)
        for i in lines.indices {
            var j = i + 1
            while j < lines.count, lines[j].level > lines[i].level { j += 1 }
            isLast[i] = !(j < lines.count && lines[j].level == lines[i].level)
        }
        var openAncestors: [Bool] = [] // per level: whether that ancestor has siblings below
        for (i, line) in lines.enumerated() {
            if openAncestors.count > line.level { openAncestors.removeLast(openAncestors.count - line.level) }
            var prefix = ""
            for open in openAncestors { prefix += open ? "│\u{00A0}\u{00A0} " : "    " }
            prefix += isLast[i] ? "└── " : "├── "
            out += prefix + line.text + "\n"
            openAncestors.append(!isLast[i])
        }
        return out
    }
}
