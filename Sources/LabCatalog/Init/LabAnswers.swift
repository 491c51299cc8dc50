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
    /// The language the student chose for the lab (`init --lang`, or `LANG`); commands run on the
    /// lab directory use it when neither `--lang` nor `LANG` says otherwise. `nil`: not recorded.
    public var language: Language?

    public init(lab: String, version: Int, values: [String: String], variant: LabVariant = .starter,
                language: Language? = nil) {
        self.lab = lab
        self.version = version
        self.values = values
        self.variant = variant
        self.language = language
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
        if let language { pairs.append(("language", .string(language.rawValue))) }
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
        let m = ctx.mapping(root, allowed: ["lab", "version", "variant", "language", "answers"], what: "answers file")
        let lab = m.flatMap { ctx.required("lab", in: $0, what: "answers file") }.flatMap { ctx.string($0, what: "lab") }
        let version = m.flatMap { ctx.required("version", in: $0, what: "answers file") }
            .flatMap { ctx.int($0, in: 0...100_000, what: "version") }
        let values = ctx.stringMap(m?["answers"], what: "answers") ?? [:]
        let variantName = m?["variant"].flatMap { ctx.string($0, what: "variant") }
        let languageName = m?["language"].flatMap { ctx.string($0, what: "language") }
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
        var language: Language?
        if let languageName {
            guard let l = Language(rawValue: languageName) else {
                throw CatalogError("\(file): language must be es or en, not \"\(languageName)\"")
            }
            language = l
        }
        return LabAnswers(lab: lab, version: version, values: values, variant: variant, language: language)
    }

    // MARK: - The recorded language

    /// The language recorded by the answers file of the lab directory holding `path` (the directory
    /// itself, or a file or folder at most ``languageSearchDepth`` levels inside it), or `nil`.
    public static func recordedLanguage(near path: String) -> Language? {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            url = url.deletingLastPathComponent()
        }
        for _ in 0...languageSearchDepth {
            let answers = url.appendingPathComponent(Self.path)
            if let data = FileManager.default.contents(atPath: answers.path), data.count <= 64 * 1024,
               let text = String(data: data, encoding: .utf8) {
                return (try? parse(text, file: answers.path))?.language
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        return nil
    }

    /// How many folders above a checked file ``recordedLanguage(near:)`` looks for `.labctl/answers.yaml`.
    public static let languageSearchDepth = 4
}
