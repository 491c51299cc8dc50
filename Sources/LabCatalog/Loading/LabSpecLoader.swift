import Diagnostics
import Foundation

/// Reads lab specs from disk: one `lab.yaml`, or a folder holding one (`labctl check lab-spec`).
public enum LabSpecLoader {
    /// The largest spec read, in bytes.
    public static let maxSpecBytes = 4 << 20

    /// Decodes the spec at `file` (no cross-checks).
    public static func decode(file: URL) -> (spec: LabSpec?, diagnostics: [Diagnostic]) {
        let name = file.path
        guard let data = FileManager.default.contents(atPath: name) else {
            return (nil, [.error(LabSpecDiagnosticCode.io, "cannot read \(name)")])
        }
        guard data.count <= maxSpecBytes else {
            return (nil, [.error(LabSpecDiagnosticCode.io, "\(name) is larger than \(maxSpecBytes) bytes")])
        }
        return LabSpecDecoder().decode(String(decoding: data, as: UTF8.self), file: name)
    }

    /// Decodes and validates the spec at `path` (a `lab.yaml` or a folder with one). Templates are
    /// looked up in `templatesRoot`, or in `../../templates` next to a catalogue's `labs/<lab>/`.
    public static func check(path: String, templatesRoot: URL? = nil,
                             knownLabs: Set<String>? = nil) -> (spec: LabSpec?, diagnostics: [Diagnostic]) {
        var url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url = url.appendingPathComponent("lab.yaml")
        }
        let (spec, diagnostics) = decode(file: url)
        guard let spec, !diagnostics.contains(where: { $0.severity == .error }) else { return (spec, diagnostics) }
        let labFolder = url.deletingLastPathComponent()
        var extra: [Diagnostic] = []
        var templates = templatesRoot
        if templates == nil {
            let content = labFolder.deletingLastPathComponent().deletingLastPathComponent()
            if ContentLocator.isContent(content) { templates = content.appendingPathComponent("templates") }
        }
        if templatesRoot == nil, templates != nil, labFolder.lastPathComponent != spec.id {
            extra.append(.error(LabSpecDiagnosticCode.idMismatch,
                                "lab id \"\(spec.id)\" does not match its folder \"\(labFolder.lastPathComponent)\"",
                                at: spec.location))
        }
        let validator = LabSpecValidator(templatesRoot: templates, knownLabs: knownLabs)
        var found = diagnostics + extra + validator.validate(spec)
        if let templates, !found.contains(where: { $0.severity == .error }) {
            found += LabVariantValidator(templatesRoot: templates).validate(spec, labFolder: labFolder)
        }
        return (spec, found)
    }
}
