import Diagnostics

/// Where a seed file was wrong or inconsistent, and what the template does instead.
public struct Correction: Sendable, Hashable {
    /// The lab file the correction is about.
    public var file: String
    public var text: LocalizedText
    public var location: SourceLocation

    public init(file: String, text: LocalizedText, location: SourceLocation) {
        self.file = file
        self.text = text
        self.location = location
    }
}
