import YAML

/// A dashboard panel (or row), with the parts labctl checks typed.
public struct GrafanaPanel: Sendable {
    /// `gridPos`: position on the 24-column grid.
    public struct GridPos: Hashable, Sendable {
        public var x: Int, y: Int, w: Int, h: Int
        public init(x: Int, y: Int, w: Int, h: Int) { self.x = x; self.y = y; self.w = w; self.h = h }

        /// Whether two positions cover a common cell. Ends saturate at `Int.max`, so positions read from
        /// a file (any 64-bit value) cannot overflow.
        public func overlaps(_ o: GridPos) -> Bool {
            func end(_ start: Int, _ size: Int) -> Int {
                let (sum, overflow) = start.addingReportingOverflow(size)
                return overflow ? (size > 0 ? Int.max : Int.min) : sum
            }
            return x < end(o.x, o.w) && o.x < end(x, w) && y < end(o.y, o.h) && o.y < end(y, h)
        }
    }

    /// A query of the panel.
    public struct Target: Sendable {
        public var refID: String?
        /// The PromQL expression as written (with Grafana variables).
        public var expr: String?
        public var datasource: GrafanaDatasourceRef?
        public var hidden = false
        public var node: YAMLNode?
    }

    public var id: Int?
    public var type: String
    public var title: String
    public var gridPos: GridPos?
    public var datasource: GrafanaDatasourceRef?
    public var targets: [Target] = []
    /// Panels nested in a row (collapsed rows keep their panels here).
    public var panels: [GrafanaPanel] = []
    public var collapsed = false
    public var node: YAMLNode?

    public init(id: Int? = nil, type: String, title: String = "", gridPos: GridPos? = nil) {
        self.id = id
        self.type = type
        self.title = title
        self.gridPos = gridPos
    }

    public var isRow: Bool { type == "row" }

    static func decode(_ node: YAMLNode, context ctx: inout YAMLDecodingContext) -> GrafanaPanel? {
        guard let m = ctx.mapping(node, what: "panel") else { return nil }
        var p = GrafanaPanel(type: ctx.string(m["type"], what: "type") ?? "")
        p.node = node
        p.id = ctx.int(m["id"], what: "id")
        p.title = ctx.string(m["title"], what: "title") ?? ""
        if let g = m["gridPos"], let gm = ctx.mapping(g, what: "gridPos") {
            let x = ctx.int(gm["x"], what: "gridPos.x") ?? 0, y = ctx.int(gm["y"], what: "gridPos.y") ?? 0
            let w = ctx.int(gm["w"], what: "gridPos.w") ?? 0, h = ctx.int(gm["h"], what: "gridPos.h") ?? 0
            p.gridPos = GridPos(x: x, y: y, w: w, h: h)
        }
        p.datasource = GrafanaDatasourceRef.decode(m["datasource"])
        p.collapsed = ctx.bool(m["collapsed"], what: "collapsed") ?? false
        p.targets = ctx.list(m["targets"], what: "targets") { ctx, item in
            guard let tm = ctx.mapping(item, what: "target") else { return nil }
            return Target(refID: ctx.string(tm["refId"], what: "refId"), expr: ctx.string(tm["expr"], what: "expr"),
                          datasource: GrafanaDatasourceRef.decode(tm["datasource"]),
                          hidden: ctx.bool(tm["hide"], what: "hide") ?? false, node: item)
        } ?? []
        p.panels = ctx.list(m["panels"], what: "panels") { ctx, item in decode(item, context: &ctx) } ?? []
        return p
    }
}
