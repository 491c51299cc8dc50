/// The languages of the texts a student reads: diagnostics, lab texts, `init`'s summary and the
/// grader's feedback. English is the source text; Spanish is the course's language.
public enum Language: String, Sendable, CaseIterable {
    case es
    case en

    /// Picks the Spanish or the English text.
    public func say(_ es: String, _ en: String) -> String { self == .es ? es : en }

    /// The language the locale environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set decides (as POSIX orders them); `es_ES.UTF-8` → Spanish, `en_US` → English.
    /// `C`, `POSIX` and `C.UTF-8` say nothing about a language and are skipped; any other locale
    /// (`fr_FR`) means the environment does not decide, so the caller falls back.
    public static func fromEnvironment(_ environment: [String: String]) -> Language? {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            let lower = value.lowercased()
            if lower.hasPrefix("es") { return .es }
            if lower.hasPrefix("en") { return .en }
            if !["c", "posix"].contains(lower), !lower.hasPrefix("c.") { return nil }
        }
        return nil
    }

    /// The language to use: the one asked for on the command line, else the environment's
    /// (``fromEnvironment(_:)``), else the lab's, else English.
    public static func resolve(option: Language?, environment: [String: String], lab: Language?) -> Language {
        option ?? fromEnvironment(environment) ?? lab ?? .en
    }
}
