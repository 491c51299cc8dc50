import Foundation
import LabCatalog

/// The built-in example `labctl grade lab7 --example` grades: the lab's reference files with one
/// seeded defect (Lab 7: HighErrorRate's threshold raised from 5% to 50%, so the alert never fires on
/// the error-burst scenario), written to a fresh temporary folder.
public enum GradingExample {
    /// The defect: in `file`, `replace` becomes `with`.
    public struct Defect: Sendable {
        public var file: String
        public var replace: String
        public var with: String
    }

    public static let defects: [String: Defect] = [
        "lab7": Defect(file: "prometheus/alert_rules.yml", replace: ") > 0.05", with: ") > 0.5"),
    ]

    /// Writes `spec`'s files (with `values`) into a new temporary folder, applies the lab's defect when
    /// it has one, and returns the folder.
    public static func write(_ spec: LabSpec, catalog: Catalog, values: [String: String]) throws -> String {
        let files = try LabRenderer(catalog: catalog).render(spec, values: values)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-example-\(spec.id)-\(UUID().uuidString.prefix(8))")
        for (path, content) in files {
            var text = content
            if let defect = defects[spec.id], defect.file == path {
                guard let range = text.range(of: defect.replace) else {
                    throw GraderError("the example defect of \(spec.id) no longer applies to \(path)")
                }
                text.replaceSubrange(range, with: defect.with)
            }
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir.path
    }
}
