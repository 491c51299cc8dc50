import Foundation
import LabCatalog

/// The built-in examples `labctl grade LAB --example` grades: a lab's reference solution with one of
/// its seeded defects (`labs/<lab>/defects.yaml`) applied, written to a fresh temporary folder.
/// Lab 7's first defect raises HighErrorRate's threshold from 5% to 50%, so the alert never fires on
/// the error-burst scenario.
public enum GradingExample {
    /// The defect `--example` applies to `spec`: the one named `id`, or the lab's first; `nil` when
    /// the lab has no defects. Throws when `id` names no defect of the lab.
    public static func defect(of spec: LabSpec, catalog: Catalog, id: String? = nil) throws -> LabDefect? {
        let defects = try catalog.defects(for: spec.id)
        guard let id else { return defects.first }
        guard let found = defects.first(where: { $0.id == id }) else {
            let known = defects.map(\.id).joined(separator: ", ")
            throw GraderError("\(spec.id) has no seeded defect \"\(id)\"" + (known.isEmpty ? "" : " (defects: \(known))"))
        }
        return found
    }

    /// `given` completed for an example: every required parameter the user did not give takes its
    /// example, the others their defaults.
    public static func values(for spec: LabSpec, given: [String: String]) throws -> [String: String] {
        var values = given
        for p in spec.parameters where values[p.name] == nil && p.required { values[p.name] = p.example }
        return try AnswerResolver(spec: spec).resolve(values)
    }

    /// Writes `spec`'s reference solution (text files rendered with `values`, images verbatim) into a
    /// new temporary folder, with `defect` applied when given, and returns the folder.
    public static func write(_ spec: LabSpec, catalog: Catalog, values: [String: String],
                             defect: LabDefect? = nil) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("labctl-example-\(spec.id)-\(UUID().uuidString.prefix(8))")
        try write(spec, catalog: catalog, values: values, defect: defect, to: dir)
        return dir.path
    }

    /// Writes `spec`'s reference solution, with `defect` applied when given, into `dir`.
    public static func write(_ spec: LabSpec, catalog: Catalog, values: [String: String],
                             defect: LabDefect?, to dir: URL) throws {
        let renderer = LabRenderer(catalog: catalog)
        var files = try renderer.render(spec, values: values, variant: .solution)
        if let defect { files = try defect.apply(to: files) }
        for (path, content) in files {
            try write(Data(content.utf8), to: dir.appendingPathComponent(path))
        }
        for (path, data) in try renderer.binaryFiles(spec, variant: .solution) {
            try write(data, to: dir.appendingPathComponent(path))
        }
    }

    private static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
