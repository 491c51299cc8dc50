import Foundation

/// The one catalogue of the texts labctl shows students in Spanish: diagnostics' messages and notes,
/// keyed by the diagnostic's code, with the English message (the source text) as the pattern.
///
/// A check writes its message in English with its values in it (`unknown metric "x"`). To show it
/// in Spanish, the catalogue finds the entry of the diagnostic's code whose English pattern the
/// message has (`unknown metric "{metric}"`), takes the values out of its holes and puts them into
/// the Spanish text. Codes and positions never change; a message no entry matches stays in
/// English (the tests list every code the checks emit and fail when one has no Spanish entry).
///
/// Notes are looked up among the entries of their diagnostic's code first, then among the shared
/// notes (code `nil`). Hole values whose name starts with `msg` are translated too (a parser error
/// quoted inside a check's message).
public struct MessageCatalog: Sendable {
    /// One translated text.
    public struct Entry: Sendable, Hashable {
        /// The diagnostic code the text belongs to; `nil` for notes and phrases any code may use.
        public let code: String?
        public let english: MessagePattern
        /// The Spanish text, with the same holes as ``english``.
        public let spanish: String
        /// Whether the entry is for a note rather than a message.
        public let isNote: Bool
        /// Whether the entry replaces a piece of text wherever it appears in a `{msg…}` hole value
        /// that no phrase matches whole (the "(the app's metrics)" in a list of jobs).
        public let isFragment: Bool

        init(code: String?, english: MessagePattern, spanish: String, isNote: Bool, isFragment: Bool = false) {
            self.code = code
            self.english = english
            self.spanish = spanish
            self.isNote = isNote
            self.isFragment = isFragment
        }

        /// A diagnostic's message.
        public static func message(_ code: String, _ english: String, _ spanish: String) -> Entry {
            Entry(code: code, english: MessagePattern(english), spanish: spanish, isNote: false)
        }

        /// A note under diagnostics of `code`.
        public static func note(_ code: String, _ english: String, _ spanish: String) -> Entry {
            Entry(code: code, english: MessagePattern(english), spanish: spanish, isNote: true)
        }

        /// A note that diagnostics of any code may carry.
        public static func sharedNote(_ english: String, _ spanish: String) -> Entry {
            Entry(code: nil, english: MessagePattern(english), spanish: spanish, isNote: true)
        }

        /// A phrase that may appear inside another message's hole (`{msg…}`), under any code.
        public static func phrase(_ english: String, _ spanish: String) -> Entry {
            Entry(code: nil, english: MessagePattern(english), spanish: spanish, isNote: false)
        }

        /// A piece of text replaced inside `{msg…}` hole values that no phrase matches (no holes).
        public static func fragment(_ english: String, _ spanish: String) -> Entry {
            Entry(code: nil, english: MessagePattern(english), spanish: spanish, isNote: false, isFragment: true)
        }
    }

    private let messages: [String: [Entry]]
    private let notes: [String: [Entry]]
    private let sharedNotes: [Entry]
    private let phrases: [Entry]
    private let fragments: [Entry]

    /// A catalogue of `entries`; for the same text, earlier entries win.
    public init(_ entries: [Entry]) {
        var messages: [String: [Entry]] = [:], notes: [String: [Entry]] = [:]
        var shared: [Entry] = [], phrases: [Entry] = [], fragments: [Entry] = []
        for e in entries {
            if e.isFragment {
                fragments.append(e)
                continue
            }
            switch (e.code, e.isNote) {
            case let (code?, false): messages[code, default: []].append(e)
            case let (code?, true): notes[code, default: []].append(e)
            case (nil, true): shared.append(e)
            case (nil, false): phrases.append(e)
            }
        }
        self.messages = messages
        self.notes = notes
        self.sharedNotes = shared
        self.phrases = phrases
        self.fragments = fragments
    }

    /// labctl's catalogue.
    public static let standard = MessageCatalog(
        generalEntries + promQLEntries + rulesEntries + prometheusEntries + alertmanagerEntries
            + grafanaEntries + composeEntries + labEntries + metricsEntries + testEntries + interfaceEntries)

    /// The code of the texts that are not diagnostics (``Language/say(_:)``).
    public static let interfaceCode = "text"

    /// The codes that have at least one Spanish message.
    public var codes: Set<String> { Set(messages.keys) }

    /// Every entry's text, for tests that check the holes of both sides agree.
    public var entries: [Entry] {
        messages.values.flatMap { $0 } + notes.values.flatMap { $0 } + sharedNotes + phrases + fragments
    }

    // MARK: - Translating

    /// `message` of a diagnostic with `code` in `language`; `nil` when Spanish is asked for and no
    /// entry of `code` matches.
    public func message(_ message: String, code: String, in language: Language) -> String? {
        guard language == .es else { return message }
        return translate(message, among: messages[code] ?? [])
    }

    /// A note of a diagnostic with `code` in `language`; `nil` when no entry matches.
    public func note(_ note: String, code: String, in language: Language) -> String? {
        guard language == .es else { return note }
        return translate(note, among: (notes[code] ?? []) + sharedNotes)
    }

    /// `diagnostic` with its message and notes in `language` (texts without an entry stay in English).
    public func localized(_ diagnostic: Diagnostic, in language: Language) -> Diagnostic {
        guard language == .es else { return diagnostic }
        var d = diagnostic
        d.message = message(d.message, code: d.code, in: language) ?? d.message
        d.notes = d.notes.map { n in
            Diagnostic.Note(note(n.message, code: diagnostic.code, in: language) ?? n.message, at: n.location)
        }
        return d
    }

    /// `report` with every diagnostic in `language`; files, codes, positions and order unchanged.
    public func localized(_ report: DiagnosticReport, in language: Language) -> DiagnosticReport {
        guard language == .es else { return report }
        return DiagnosticReport(files: report.files, diagnostics: report.diagnostics.map { localized($0, in: language) })
    }

    // MARK: - Matching

    private func replacingFragments(in text: String) -> String {
        fragments.reduce(text) { $0.replacingOccurrences(of: $1.english.text, with: $1.spanish) }
    }

    private static let didYouMean = " (did you mean \""

    /// `text` without its ` (did you mean "x"?)` and the suggested word, when it has one.
    private static func splitSuggestion(_ text: String) -> (String, String)? {
        guard let open = text.range(of: didYouMean),
              let close = text[open.upperBound...].range(of: "\"?)") else { return nil }
        let word = String(text[open.upperBound..<close.lowerBound])
        return (String(text[..<open.lowerBound]) + String(text[close.upperBound...]), word)
    }

    private func translate(_ text: String, among entries: [Entry], depth: Int = 0) -> String? {
        guard depth < 4 else { return nil }
        // "(did you mean …?)" is added to many messages: translate the rest, then add the suggestion.
        if let (base, word) = Self.splitSuggestion(text), let translated = translate(base, among: entries, depth: depth + 1) {
            return "\(translated) (¿quisiste decir \"\(word)\"?)"
        }
        for entry in entries {
            guard var values = entry.english.match(text) else { continue }
            // Inside a hole, the specific phrases come first; a catch-all ("{msgWhy}") would only echo it.
            let inner = phrases + entries.filter { $0.english.holes.count != 1 || $0.english.parts.count != 1 }
            for (name, value) in values where name.hasPrefix("msg") {
                values[name] = translate(value, among: inner, depth: depth + 1) ?? replacingFragments(in: value)
            }
            return MessagePattern(entry.spanish).fill(values)
        }
        return nil
    }
}
