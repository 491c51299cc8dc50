import Foundation

/// Renders every file of a lab with a student's values, as the starter or the reference solution.
///
/// The templates are the reference solution. For ``LabVariant/starter`` the lab's `starter.yaml`
/// patches are applied to each template's text before it is rendered (so they may use
/// `<<labctl:NAME>>` placeholders and hold for every student's values). Files of kind `image` are
/// binary: ``render(_:values:variant:)`` leaves them out and ``binaryFiles(_:variant:)`` gives them.
public struct LabRenderer: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// `(path, content)` for each text file of `spec` in `variant`, in the spec's order.
    public func render(_ spec: LabSpec, values: [String: String],
                       variant: LabVariant = .starter) throws -> [(path: String, content: String)] {
        let renderer = TemplateRenderer(values: values)
        let patches = try self.patches(spec, variant)
        var out: [(path: String, content: String)] = []
        for file in spec.files where file.kind != .image {
            let edits = patches.filter { $0.file == file.path }
            if edits.contains(where: \.delete) { continue }
            var text = try catalog.templateText(file)
            for edit in edits {
                text = try edit.apply(to: text, what: "templates/" + file.template)
            }
            out.append((file.path, try renderer.render(text, file: "templates/" + file.template)))
        }
        return out
    }

    /// `(path, bytes)` for each binary (`image`) file of `spec` in `variant`, copied verbatim.
    public func binaryFiles(_ spec: LabSpec, variant: LabVariant = .starter) throws -> [(path: String, data: Data)] {
        let patches = try self.patches(spec, variant)
        var out: [(path: String, data: Data)] = []
        for file in spec.files where file.kind == .image {
            let edits = patches.filter { $0.file == file.path }
            if edits.contains(where: \.delete) { continue }
            if let edit = edits.first {
                throw CatalogError("\(edit.location.map { "\($0): " } ?? "")\(file.path) is binary; a starter may only delete it")
            }
            out.append((file.path, try catalog.templateData(file)))
        }
        return out
    }

    private func patches(_ spec: LabSpec, _ variant: LabVariant) throws -> [LabPatch] {
        guard variant == .starter else { return [] }
        let patches = try catalog.starterPatches(for: spec.id)
        for p in patches where spec.file(p.file) == nil {
            throw CatalogError("\(p.location.map { "\($0): " } ?? "")starter patch names \(p.file), which is not a file of \(spec.id)")
        }
        return patches
    }
}
