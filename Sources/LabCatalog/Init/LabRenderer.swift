/// Renders every file of a lab with a student's values.
public struct LabRenderer: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// `(path, content)` for each file of `spec`, in the spec's order.
    public func render(_ spec: LabSpec, values: [String: String]) throws -> [(path: String, content: String)] {
        let renderer = TemplateRenderer(values: values)
        return try spec.files.map { file in
            let text = try catalog.templateText(file)
            return (file.path, try renderer.render(text, file: "templates/" + file.template))
        }
    }
}
