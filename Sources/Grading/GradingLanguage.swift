import Diagnostics
import Foundation

/// The language feedback is written in: the one ``Diagnostics/Language`` every student-facing text
/// uses (diagnostics, lab texts, `init`'s summary), so `--lang` means the same on every command.
public typealias GradingLanguage = Language

extension Language {
    /// The lab catalogue's language (the same type; kept for the grader's callers).
    public var catalogLanguage: Language { self }

    /// The language of `LC_ALL`/`LC_MESSAGES`/`LANG` in this process's environment, or nil.
    public static func fromEnvironment() -> Language? {
        fromEnvironment(ProcessInfo.processInfo.environment)
    }
}
