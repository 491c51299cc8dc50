import Diagnostics
import Foundation

/// Starters and seeded defects: `labs/<lab>/starter.yaml` and `labs/<lab>/defects.yaml`.
extension Catalog {
    /// `labs/<lab>/starter.yaml`.
    public func starterURL(for labID: String) -> URL {
        labsRoot.appendingPathComponent(labID).appendingPathComponent("starter.yaml")
    }

    /// `labs/<lab>/defects.yaml`.
    public func defectsURL(for labID: String) -> URL {
        labsRoot.appendingPathComponent(labID).appendingPathComponent("defects.yaml")
    }

    /// The patches that turn lab `labID`'s templates into its starter (none when the lab has no
    /// `starter.yaml`); throws with file:line:col when the file is malformed.
    public func starterPatches(for labID: String) throws -> [LabPatch] {
        let (patches, diagnostics) = Self.loadStarter(at: starterURL(for: labID))
        try Self.throwOnErrors(diagnostics)
        return patches
    }

    /// The seeded defects of lab `labID` (none when the lab has no `defects.yaml`); throws with
    /// file:line:col when the file is malformed.
    public func defects(for labID: String) throws -> [LabDefect] {
        let (defects, diagnostics) = Self.loadDefects(at: defectsURL(for: labID))
        try Self.throwOnErrors(diagnostics)
        return defects
    }

    /// Decodes the `starter.yaml` at `url`; a missing file is no patches.
    public static func loadStarter(at url: URL) -> (patches: [LabPatch], diagnostics: [Diagnostic]) {
        switch read(url, code: LabSpecDiagnosticCode.badStarter) {
        case .missing: return ([], [])
        case .failed(let d): return ([], [d])
        case .text(let text): return LabPatchDecoder().decodeStarter(text, file: url.path)
        }
    }

    /// Decodes the `defects.yaml` at `url`; a missing file is no defects.
    public static func loadDefects(at url: URL) -> (defects: [LabDefect], diagnostics: [Diagnostic]) {
        switch read(url, code: LabSpecDiagnosticCode.badDefect) {
        case .missing: return ([], [])
        case .failed(let d): return ([], [d])
        case .text(let text): return LabPatchDecoder().decodeDefects(text, file: url.path)
        }
    }

    /// The bytes of a template copied verbatim (images).
    public func templateData(_ file: LabFile) throws -> Data {
        let url = templatesRoot.appendingPathComponent(file.template)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CatalogError("cannot read template \(file.template)")
        }
        return data
    }

    private enum ReadResult {
        case missing
        case failed(Diagnostic)
        case text(String)
    }

    private static func read(_ url: URL, code: String) -> ReadResult {
        guard FileManager.default.fileExists(atPath: url.path) else { return .missing }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failed(.error(code, "cannot read \(url.path)", at: SourceLocation(file: url.path, line: 1, column: 1)))
        }
        guard data.count <= LabPatchDecoder.maxBytes else {
            return .failed(.error(code, "\(url.path) is larger than \(LabPatchDecoder.maxBytes) bytes",
                                  at: SourceLocation(file: url.path, line: 1, column: 1)))
        }
        return .text(String(decoding: data, as: UTF8.self))
    }

    private static func throwOnErrors(_ diagnostics: [Diagnostic]) throws {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return }
        throw CatalogError(errors.map(\.description).joined(separator: "\n"))
    }
}
