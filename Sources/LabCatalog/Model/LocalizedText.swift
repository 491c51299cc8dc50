import Diagnostics

/// A text students read, in Spanish and English (YAML: `{es: "...", en: "..."}`).
public struct LocalizedText: Sendable, Hashable {
    public var es: String
    public var en: String

    public init(es: String, en: String) {
        self.es = es
        self.en = en
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .es: return es
        case .en: return en
        }
    }
}
