import Diagnostics
import YAML

/// Checks the files a `file_sd_configs` entry names: missing files are a warning (Prometheus waits for
/// them), existing ones must be JSON or YAML lists of target groups.
enum FileSDCheck {
    static func check(_ file: Located<String>, baseDirectory: String) -> [Diagnostic] {
        let pattern = FileGlob.resolve(file.value, relativeTo: baseDirectory)
        let paths = RuleFilePattern.isGlob(file.value) ? FileGlob.match(pattern)
            : (FileGlob.exists(pattern) ? [pattern] : [])
        if paths.isEmpty {
            return [.warning(ConfigCode.fileSDMissing,
                             "file \"\(file.value)\" for file_sd in scrape job does not exist (yet); no targets until it does",
                             at: file.location)]
        }
        return paths.flatMap { checkContent(path: $0) }
    }

    /// Parses one file_sd file strictly.
    static func checkContent(path: String) -> [Diagnostic] {
        let lower = path.lowercased()
        let input: YAMLInput
        do {
            input = try YAMLInput.read(path: path)
        } catch let error as YAMLError {
            return error.diagnostics
        } catch {
            return [.error(ConfigCode.fileSDInvalid, "\(path): \(error)")]
        }
        let isJSON = lower.hasSuffix(".json")
        guard isJSON || lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") else {
            return [.error(ConfigCode.fileSDInvalid, "invalid file extension: \"\(path)\"")]
        }
        let root: YAMLNode?
        if isJSON {
            do {
                root = try JSONParser().parse(input)
            } catch let error as YAMLError {
                return error.diagnostics
            } catch {
                return [.error(ConfigCode.fileSDInvalid, "\(path): \(error)")]
            }
        } else {
            let parsed = YAMLParser().parseCollectingDiagnostics(input)
            if parsed.hasErrors { return parsed.diagnostics }
            root = parsed.documents.first?.root
        }
        guard let root else { return [] }
        var ctx = YAMLDecodingContext()
        _ = ctx.list(root, what: "file_sd target groups") { ctx, item in
            StaticConfig.decode(item, &ctx, checkTargets: false)
        }
        return ctx.diagnostics
    }
}
