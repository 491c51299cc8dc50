import Foundation
import LabCatalog

/// The language feedback is written in; every message a student reads exists in Spanish and English.
public enum GradingLanguage: String, Sendable, CaseIterable {
    case es
    case en

    /// Picks the Spanish or English text.
    public func say(_ es: String, _ en: String) -> String { self == .es ? es : en }

    /// The lab catalogue's language.
    public var catalogLanguage: Language { self == .es ? .es : .en }

    /// The language of `LANG`/`LC_ALL` (`es_ES.UTF-8` → Spanish), or nil.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> GradingLanguage? {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            if value.lowercased().hasPrefix("es") { return .es }
            if value.lowercased().hasPrefix("en") { return .en }
            if value != "C" && value != "POSIX" && value != "C.UTF-8" { return nil }
        }
        return nil
    }
}
