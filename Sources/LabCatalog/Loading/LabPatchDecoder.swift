import Diagnostics
import Foundation
import YAML

/// Decodes a lab's `starter.yaml` (a list of patches) and `defects.yaml` (a list of
/// ``LabDefect``), reporting every problem with its file:line:col.
public struct LabPatchDecoder {
    /// The largest patch file read, in bytes.
    public static let maxBytes = 1 << 20
    /// The most patches or defects one file may hold.
    public static let maxEntries = 500

    public init() {}

    /// The patches of a `starter.yaml`.
    public func decodeStarter(_ text: String, file: String) -> (patches: [LabPatch], diagnostics: [Diagnostic]) {
        guard let (root, diagnostics) = parse(text, file: file, code: LabSpecDiagnosticCode.badStarter) else {
            return ([], [])
        }
        guard diagnostics.isEmpty, let root else { return ([], diagnostics) }
        var ctx = YAMLDecodingContext()
        let patches = decodeList(root, &ctx, what: "starter patches") { c, n in patch(n, &c) }
        return (patches, ctx.diagnostics)
    }

    /// The defects of a `defects.yaml`.
    public func decodeDefects(_ text: String, file: String) -> (defects: [LabDefect], diagnostics: [Diagnostic]) {
        guard let (root, diagnostics) = parse(text, file: file, code: LabSpecDiagnosticCode.badDefect) else {
            return ([], [])
        }
        guard diagnostics.isEmpty, let root else { return ([], diagnostics) }
        var ctx = YAMLDecodingContext()
        let defects = decodeList(root, &ctx, what: "defects") { c, n in defect(n, &c) }
        var seen: [String: SourceLocation] = [:]
        for d in defects {
            if let first = seen[d.id], let at = d.location {
                ctx.report(.error(LabSpecDiagnosticCode.duplicate, "defect id \"\(d.id)\" is used twice", at: at,
                                  notes: [.init("first used here", at: first)]))
            }
            if let at = d.location { seen[d.id] = seen[d.id] ?? at }
        }
        return (defects, ctx.diagnostics)
    }

    // MARK: - Pieces

    /// `nil` for an empty file (no entries); otherwise the root and the parse diagnostics.
    private func parse(_ text: String, file: String, code: String) -> (YAMLNode?, [Diagnostic])? {
        guard text.utf8.count <= Self.maxBytes else {
            return (nil, [.error(code, "\(file) is larger than \(Self.maxBytes) bytes",
                                 at: SourceLocation(file: file, line: 1, column: 1))])
        }
        let result = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: file, text: text))
        guard result.diagnostics.isEmpty else { return (nil, result.diagnostics) }
        guard let root = result.documents.first?.root else { return nil }
        if case .scalar(let s) = root.kind, s.value.isEmpty { return nil }
        return (root, [])
    }

    private func decodeList<T>(_ root: YAMLNode, _ ctx: inout YAMLDecodingContext, what: String,
                               _ item: (inout YAMLDecodingContext, YAMLNode) -> T?) -> [T] {
        guard let nodes = ctx.sequence(root, what: what) else { return [] }
        if nodes.count > Self.maxEntries {
            ctx.error(LabSpecDiagnosticCode.invalidValue, "more than \(Self.maxEntries) \(what)", at: root)
            return []
        }
        return nodes.compactMap { item(&ctx, $0) }
    }

    func patch(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> LabPatch? {
        let what = "patch"
        guard let m = ctx.mapping(node, allowed: ["file", "replace", "with", "content", "delete"], what: what) else { return nil }
        let file = ctx.required("file", in: m, what: what).flatMap { ctx.string($0, what: "file") }
        let delete = m["delete"].flatMap { ctx.bool($0, what: "delete") } ?? false
        let replace = m["replace"].flatMap { ctx.string($0, what: "replace") }
        let with = m["with"].flatMap { ctx.string($0, what: "with") }
        let content = m["content"].flatMap { ctx.string($0, what: "content") }
        if let file, let problem = PathRules.problem(with: file), let n = m["file"] {
            ctx.error(LabSpecDiagnosticCode.badPath, "patch file \"\(file)\" \(problem)", at: n)
            return nil
        }
        if delete || m.contains("content") {
            if m.contains("replace") || m.contains("with") || (delete && m.contains("content")) {
                ctx.error(LabSpecDiagnosticCode.invalidValue,
                          "a patch takes one of replace + with, content, or delete: true", at: node)
                return nil
            }
        } else {
            guard m.contains("replace"), m.contains("with") else {
                ctx.error(LabSpecDiagnosticCode.invalidValue, "a patch needs replace and with (or content, or delete: true)",
                          at: node)
                return nil
            }
            if replace?.isEmpty == true, let n = m["replace"] {
                ctx.error(LabSpecDiagnosticCode.invalidValue, "replace must not be empty", at: n)
                return nil
            }
        }
        guard let file else { return nil }
        if delete { return LabPatch(file: file, replace: nil, delete: true, location: node.location) }
        if m.contains("content") {
            guard let content else { return nil }
            return LabPatch(file: file, replace: nil, content: content, location: node.location)
        }
        guard let replace, let with else { return nil }
        return LabPatch(file: file, replace: replace, with: with, location: node.location)
    }

    func defect(_ node: YAMLNode, _ ctx: inout YAMLDecodingContext) -> LabDefect? {
        let what = "defect"
        guard let m = ctx.mapping(node, allowed: ["id", "description", "loses", "feedback", "patch"], what: what) else {
            return nil
        }
        let id = ctx.required("id", in: m, what: what).flatMap { ctx.string($0, what: "id") }
        let description = ctx.required("description", in: m, what: what).flatMap {
            LabSpecDecoder().text($0, &ctx, what: "defect description")
        }
        var loses = ctx.required("loses", in: m, what: what).flatMap { ctx.double($0, what: "loses") }
        if let l = loses, !(l > 0 && l <= 10_000), let n = m["loses"] {
            ctx.error(LabSpecDiagnosticCode.invalidValue, "loses must be a number of points in (0, 10000], not \(l)", at: n)
            loses = nil
        }
        let feedback = ctx.required("feedback", in: m, what: what).flatMap { ctx.string($0, what: "feedback") }
        let patchNode = ctx.required("patch", in: m, what: what)
        let patches = ctx.list(patchNode, what: "patch") { c, n in patch(n, &c) }
        if let id, IdentifierRules.problem(with: id) != nil, let n = m["id"] {
            ctx.error(LabSpecDiagnosticCode.invalidValue,
                      "defect id \"\(id)\" must be a lower-case identifier ([a-z][a-z0-9_]*)", at: n)
        }
        if feedback?.isEmpty == true, let n = m["feedback"] {
            ctx.error(LabSpecDiagnosticCode.invalidValue, "feedback must name a word the feedback contains", at: n)
        }
        if let patches, patches.isEmpty, let patchNode {
            ctx.error(LabSpecDiagnosticCode.invalidValue, "a defect needs at least one patch", at: patchNode)
        }
        guard let id, let description, let loses, let feedback, let patches, !patches.isEmpty else { return nil }
        return LabDefect(id: id, description: description, loses: loses, feedback: feedback, patch: patches,
                         location: node.location)
    }
}
