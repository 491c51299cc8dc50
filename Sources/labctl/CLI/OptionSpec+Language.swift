import Diagnostics
import LabCatalog

// MARK: - `--lang es|en`

extension OptionSpec {
    /// `--lang es|en`: the language of what a student reads (diagnostics' messages and notes, lab
    /// texts, summaries, feedback). Codes, positions and `--format json`'s field names never change.
    static let language = OptionSpec.option(
        "lang", valueName: "es|en", help: "Language of messages (default: LANG, then the lab's, else English)",
        choices: Language.allCases.map(\.rawValue))

    /// ``language``, accepted by every subcommand of the group that declares it.
    static let inheritedLanguage = OptionSpec.option(
        "lang", valueName: "es|en", help: "Language of messages (default: LANG, then the lab's, else English)",
        choices: Language.allCases.map(\.rawValue), inherited: true)
}

extension ParsedArguments {
    /// The language to speak in: `--lang`, else the locale environment's (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`: `es_*` is Spanish), else `lab`'s, else English.
    func language(_ console: Console, lab: Language? = nil) -> Language {
        Language.resolve(option: value(OptionSpec.language.long).flatMap(Language.init(rawValue:)),
                         environment: console.environment, lab: lab)
    }

    /// ``language(_:lab:)`` with the lab's language read from the lab directory that holds the first
    /// of `paths` (what `labctl init` recorded in `.labctl/answers.yaml`), read only when needed.
    func language(_ console: Console, near paths: [String]) -> Language {
        let option = value(OptionSpec.language.long).flatMap(Language.init(rawValue:))
        if let decided = option ?? Language.fromEnvironment(console.environment) { return decided }
        let lab = paths.first(where: { $0 != "-" && $0 != "<stdin>" }).flatMap(LabAnswers.recordedLanguage(near:))
        return lab ?? .en
    }
}
