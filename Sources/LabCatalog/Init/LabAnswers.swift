import Diagnostics
import Foundation
import YAML

/// What `labctl init` recorded in `DIR/.labctl/answers.yaml`: the lab, the template version the
/// files were rendered from, and the student's values, so that `init --update` can render the
/// same files again (the merge base) and the newer ones.
public struct LabAnswers: Sendable, Hashable {
    public var lab: String
    public var version: Int
    /// Parameter values by name (student, prefix, domain, entity…).
    public var values: [String: String]
    /// Whether the directory holds the starter or the reference solution (`init --solution`); an
    /// answers file without `variant:` (written before starters existed) means the solution.
    public var variant: LabVariant

    public init(lab: String, version: Int, values: [String: String], variant: LabVariant = .starter) {
        self.lab = lab
        self.version = version
        self.values = values
        self.variant = variant
    }

    /// The folder inside a lab directory where labctl keeps its state.
    public static let stateFolder = ".labctl"
    /// The answers file, relative to the lab directory.
    public static let path = ".labctl/answers.yaml"
    /// Where the rendered templates (merge bases) are kept, relative to the lab directory.
    public static let baseFolder = ".labctl/base"

    // MARK: - YAML

    /// The answers as YAML (written with ``YAMLWriter``).
    public func yaml() -> String {
        let values = self.values.keys.sorted().map { ($0, YAMLNode.string(self.values[$0] ?? "")) }
        var pairs: [(String, YAMLNode)] = [("lab", .string(lab)), ("version", .scalar(String(version)))]
        pairs.append(("variant", .string(variant.rawValue)))
        pairs.append(("answers", .mapping(values)))
        let root = YAMLNode.mapping(pairs)
        return "# Written by labctl init; labctl init --update reads it. Do not edit by hand.\n"
            + YAMLWriter().write(root)
    }

    /// Reads answers written by ``yaml()``.
    public static func parse(_ text: String, file: String) throws -> LabAnswers {
        let result = YAMLParser().parseCollectingDiagnostics(YAMLInput(name: file, text: text))
        if let first = result.diagnostics.first { throw CatalogError(first.description) }
        guard let root = result.documents.first?.root else { throw CatalogError("\(file) is empty") }
        var ctx = YAMLDecodingContext()
        let m = ctx.mapping(root, allowed: ["lab", "version", "variant", "answers"], what: "answers file")
        let lab = m.flatMap { ctx.required("lab", in: $0, what: "answers file") }.flatMap { ctx.string($0, what: "lab") }
        let version = m.flatMap { ctx.required("version", in: $0, what: "answers file") }
            .flatMap { ctx.int($0, in: 0...100_000, what: "version") }
        let values = ctx.stringMap(m?["answers"], what: "answers") ?? [:]
        let variantName = m?["variant"].flatMap { ctx.string($0, what: "variant") }
        if let first = ctx.diagnostics.first { throw CatalogError(first.description) }
        guard let lab, let version else { throw CatalogError("\(file): lab and version are required") }
        // Directories written before starters existed hold the complete files and record no variant:
        // `init --update` keeps rendering those (the solution) instead of removing the student's work.
        var variant = LabVariant.solution
        if let variantName {
            guard let v = LabVariant(rawValue: variantName) else {
                throw CatalogError("\(file): variant must be starter or solution, not \"\(variantName)\"")
            }
            variant = v
        }
        return LabAnswers(lab: lab, version: version, values: values, variant: variant)
    }
}
