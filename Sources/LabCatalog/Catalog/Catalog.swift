import Diagnostics
import Foundation

/// The lab catalogue: every `labs/<lab>/lab.yaml` of a content folder, decoded and validated,
/// with access to the templates in `templates/`.
public struct Catalog: Sendable {
    /// The content folder (see ``ContentLocator``).
    public let root: URL
    /// The labs in catalogue order.
    public let labs: [LabSpec]
    /// Problems found while loading (the labs with errors are left out of ``labs``).
    public let diagnostics: [Diagnostic]

    public var labsRoot: URL { root.appendingPathComponent("labs") }
    public var templatesRoot: URL { root.appendingPathComponent("templates") }

    /// Loads every lab under `root/labs`.
    public static func load(root: URL) -> Catalog {
        let labsRoot = root.appendingPathComponent("labs")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: labsRoot.path)) ?? []).sorted()
        var decoded: [LabSpec] = []
        var diagnostics: [Diagnostic] = []
        for name in names where !name.hasPrefix(".") {
            let file = labsRoot.appendingPathComponent(name).appendingPathComponent("lab.yaml")
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            let (spec, found) = LabSpecLoader.decode(file: file)
            diagnostics += found
            guard let spec, !found.contains(where: { $0.severity == .error }) else { continue }
            if spec.id != name {
                diagnostics.append(.error(LabSpecDiagnosticCode.idMismatch,
                                          "lab id \"\(spec.id)\" does not match its folder \"\(name)\"", at: spec.location))
                continue
            }
            decoded.append(spec)
        }
        let ids = Set(decoded.map(\.id))
        let validator = LabSpecValidator(templatesRoot: root.appendingPathComponent("templates"), knownLabs: ids)
        var labs: [LabSpec] = []
        for spec in decoded {
            let found = validator.validate(spec)
            diagnostics += found
            if !found.contains(where: { $0.severity == .error }) { labs.append(spec) }
        }
        labs.sort { ($0.order, $0.id) < ($1.order, $1.id) }
        return Catalog(root: root, labs: labs, diagnostics: diagnostics)
    }

    /// The catalogue of the installed content (see ``ContentLocator``).
    public static func installed(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Catalog {
        load(root: try ContentLocator.locate(environment: environment))
    }

    /// The lab with id `id`.
    public func lab(_ id: String) -> LabSpec? { labs.first { $0.id == id } }

    /// The lab `id`, or an error that suggests the closest id.
    public func requireLab(_ id: String) throws -> LabSpec {
        if let lab = lab(id) { return lab }
        throw CatalogError("unknown lab \"\(id)\"\(Suggestion.didYouMean(id, in: labs.map(\.id))); labs: "
                           + labs.map(\.id).joined(separator: ", "))
    }

    /// The text of a template.
    public func templateText(_ file: LabFile) throws -> String {
        let url = templatesRoot.appendingPathComponent(file.template)
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CatalogError("cannot read template \(file.template): \(error.localizedDescription)")
        }
    }
}

/// A failure of the catalogue or of `init` with a message for the user.
public struct CatalogError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
