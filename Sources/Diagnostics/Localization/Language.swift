/// The languages of the texts a student reads: diagnostics, lab texts, `init`'s summary and the
/// grader's feedback. English is the source text; Spanish is the course's language.
public enum Language: String, Sendable, CaseIterable {
    case es
    case en

    /// `english` in this language: itself in English; in Spanish, the message catalogue's text for it
    /// (``MessageCatalog/interfaceCode``: the grader's feedback, reports and command lines), with its
    /// values put back. Every text a source file passes has an entry (a test reads the sources and
    /// checks); one without stays English rather than being lost.
    public func say(_ english: String) -> String {
        guard self == .es else { return english }
        return MessageCatalog.standard.message(english, code: MessageCatalog.interfaceCode, in: self) ?? english
    }

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
