// MARK: - XML escaping

extension JUnitDiagnosticRenderer {
    /// `value` as a double-quoted XML attribute (see `XMLEscaping`).
    static func attribute(_ value: String) -> String { XMLEscaping.quotedAttribute(value) }

    /// `value` as XML character data (see `XMLEscaping`).
    static func text(_ value: String) -> String { XMLEscaping.text(value) }
}
