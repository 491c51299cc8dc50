import YAML

/// A dashboard provider of a dashboards provisioning file: where Grafana loads dashboard JSON from.
public struct GrafanaDashboardProvider: Sendable {
    public var name: String
    public var orgID = 1
    public var folder = ""
    public var type = "file"
    /// `options.path`: the directory (or file) of dashboard JSON.
    public var path: String
    public var foldersFromFilesStructure = false
    public var node: YAMLNode?

    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    static let keys = ["name", "orgId", "folder", "folderUid", "type", "disableDeletion", "updateIntervalSeconds",
                       "allowUiUpdates", "options", "editable"]

    static func decode(_ node: YAMLNode, context ctx: inout YAMLDecodingContext) -> GrafanaDashboardProvider? {
        guard let m = ctx.mapping(node, allowed: keys, what: "dashboard provider") else { return nil }
        let name = ctx.required("name", in: m, what: "dashboard provider").flatMap { ctx.string($0, what: "name") }
        var p = GrafanaDashboardProvider(name: name ?? "", path: "")
        p.node = node
        p.orgID = ctx.int(m["orgId"], what: "orgId") ?? 1
        p.folder = ctx.string(m["folder"], what: "folder") ?? ""
        if let t = m["type"], let type = ctx.string(t, what: "type") {
            p.type = type
            if type != "file" {
                ctx.error(YAMLDiagnosticCode.invalidValue, "unsupported provider type \"\(type)\" (only file)", at: t)
            }
        }
        _ = ctx.bool(m["disableDeletion"], what: "disableDeletion")
        _ = ctx.bool(m["allowUiUpdates"], what: "allowUiUpdates")
        _ = ctx.int(m["updateIntervalSeconds"], what: "updateIntervalSeconds")
        if let optionsNode = ctx.required("options", in: m, what: "dashboard provider"),
           let o = ctx.mapping(optionsNode, allowed: ["path", "foldersFromFilesStructure"], what: "options") {
            p.path = ctx.required("path", in: o, what: "options").flatMap { ctx.string($0, what: "path") } ?? ""
            p.foldersFromFilesStructure = ctx.bool(o["foldersFromFilesStructure"], what: "foldersFromFilesStructure")
                ?? false
        }
        return p
    }

    /// The provider as a YAML mapping.
    public func yamlNode() -> YAMLNode {
        var options: [(String, YAMLNode)] = [("path", .string(path))]
        if foldersFromFilesStructure { options.append(("foldersFromFilesStructure", .scalar("true"))) }
        var pairs: [(String, YAMLNode)] = [("name", .string(name))]
        if orgID != 1 { pairs.append(("orgId", .scalar("\(orgID)"))) }
        pairs += [("folder", .string(folder)), ("type", .string(type)), ("options", .mapping(options))]
        return .mapping(pairs)
    }
}
