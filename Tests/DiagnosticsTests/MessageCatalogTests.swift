import Diagnostics
import Foundation
import XCTest

/// The message catalogue: patterns, translation of messages and notes, and the entries' consistency.
final class MessageCatalogTests: XCTestCase {
    // MARK: - MessagePattern

    func testPatternMatchesAndFills() {
        let p = MessagePattern("rate() on \"{metric}\", which is {what}")
        XCTAssertEqual(p.holes, ["metric", "what"])
        XCTAssertEqual(p.match("rate() on \"x_active\", which is not a counter"), ["metric": "x_active", "what": "not a counter"])
        XCTAssertNil(p.match("rate() on \"x\""), "the literal text after a hole must be there")
        XCTAssertNil(p.match("irate() on \"x\", which is y"), "anchored at the start")
        XCTAssertEqual(MessagePattern("{a}, {b}").match("x, y, z"), ["a": "x", "b": "y, z"], "holes take the shortest text that fits")
        XCTAssertEqual(MessagePattern("use {fix}").fill(["fix": "api:8000"]), "use api:8000")
        XCTAssertEqual(MessagePattern("{\"dashboard\": …} {x}").holes, ["x"], "braces that are no hole stay literal")
        XCTAssertNil(MessagePattern("a {x}").match("a "), "a hole matches at least one character")
    }

    func testPatternMatchingIsBounded() {
        let p = MessagePattern("{a} {b} {c} {d} {e} end")
        let text = String(repeating: "x ", count: 2_000)
        XCTAssertNil(p.match(text), "no match, and no runaway backtracking")
        XCTAssertEqual(p.match(text + "end")?["e"]?.count, 3_991, "the last hole takes what the others leave")
        XCTAssertEqual(MessagePattern("{a} end").match(text + "end")?["a"]?.count, 3_999)
    }

    // MARK: - Translation

    private let catalog = MessageCatalog.standard

    func testEnglishIsTheSourceText() {
        let d = Diagnostic.warning("rules/alert-missing-severity", "alert \"X\" has no severity label")
        XCTAssertEqual(catalog.localized(d, in: .en), d)
    }

    func testSpanishMessageKeepsCodeAndPosition() {
        let at = SourceLocation(file: "r.yml", line: 4, column: 9)
        let d = Diagnostic.warning("rules/alert-missing-severity", "alert \"ApiDown\" has no severity label", at: at)
        let es = catalog.localized(d, in: .es)
        XCTAssertEqual(es.message, "la alerta \"ApiDown\" no tiene label severity")
        XCTAssertEqual(es.code, d.code)
        XCTAssertEqual(es.location, at)
        XCTAssertEqual(es.severity, d.severity)
    }

    func testSuggestionsAnywhereInTheMessageAreTranslated() {
        let d = Diagnostic.error("lab/unknown-host", "Alertmanager target \"alertmanger:9093\": no compose service, container_name "
                                 + "or network alias is called \"alertmanger\" (did you mean \"alertmanager\"?)")
        XCTAssertEqual(catalog.localized(d, in: .es).message,
                       "el target de Alertmanager \"alertmanger:9093\": ningún servicio de compose, container_name ni alias de red "
                       + "se llama \"alertmanger\" (¿quisiste decir \"alertmanager\"?)")
    }

    func testNestedPhrasesAndFragments() {
        let d = Diagnostic.warning("lab/unknown-metric", "rule \"HighErrorRate\" queries http_request_total, which no scrape job "
                                   + "produces (jobs: fastapi (the app's metrics), prometheus (Prometheus))")
        XCTAssertEqual(catalog.localized(d, in: .es).message,
                       "la regla \"HighErrorRate\" consulta http_request_total, que ningún job de scrape produce "
                       + "(jobs: fastapi (las métricas de la aplicación), prometheus (Prometheus))")
        let parse = Diagnostic.error("promql/parse-error", "group \"g\", rule 2, \"A\": could not parse expression: unexpected \"=\"")
        XCTAssertEqual(catalog.localized(parse, in: .es).message,
                       "grupo \"g\", regla 2, \"A\": no se puede analizar la expresión: no se esperaba \"=\"")
    }

    func testNotesAreTranslatedAndUnknownTextStaysEnglish() {
        let d = Diagnostic.warning("rules/duplicate-rule", "duplicate rule: \"r\" with labels {} is defined more than once",
                                   notes: [.init("first defined here"), .init("something new")])
        let es = catalog.localized(d, in: .es)
        XCTAssertEqual(es.notes.map(\.message), ["definida aquí por primera vez", "something new"])
        let unknown = Diagnostic.error("nobody/knows", "a brand new message")
        XCTAssertEqual(catalog.localized(unknown, in: .es), unknown)
        XCTAssertNil(catalog.message("a brand new message", code: "nobody/knows", in: .es))
    }

    /// Every entry's Spanish text uses exactly the holes of its English pattern: a value is never
    /// lost, and a typo in a hole name (which would print `{name}`) fails here.
    func testEveryEntryHasTheSameHolesInBothLanguages() {
        XCTAssertGreaterThan(catalog.entries.count, 200)
        for entry in catalog.entries {
            let english = Set(entry.english.holes)
            let spanish = Set(MessagePattern(entry.spanish).holes)
            XCTAssertEqual(spanish, english, "[\(entry.code ?? "-")] \(entry.english.text)")
            // Entries that only pass their holes on (`{msgWhy}`) have no words of their own.
            let words = entry.english.holes.reduce(entry.english.text) { $0.replacingOccurrences(of: "{\($1)}", with: "") }
            guard words.contains(where: \.isLetter) else { continue }
            XCTAssertNotEqual(entry.english.text, entry.spanish, "untranslated: \(entry.english.text)")
        }
    }

    func testSpanishSummaryAndSeverities() {
        let report = DiagnosticReport(files: ["a.yml", "b.yml"], diagnostics: [
            .error("x/y", "e", at: SourceLocation(file: "a.yml", line: 1, column: 1)),
            .warning("x/z", "w", at: SourceLocation(file: "a.yml", line: 2, column: 1), notes: [.init("n")]),
            .warning("x/z", "w", at: SourceLocation(file: "b.yml", line: 2, column: 1)),
        ])
        let text = TextDiagnosticRenderer(options: .init(showSummary: true, language: .es)).render(report)
        XCTAssertEqual(text, """
        a.yml:1:1: error: [x/y] e
        a.yml:2:1: aviso: [x/z] w
          nota: n
        b.yml:2:1: aviso: [x/z] w
        1 error, 2 avisos en 2 archivos

        """)
        XCTAssertEqual(TextDiagnosticRenderer.summary(of: DiagnosticReport(files: ["a"], diagnostics: []), in: .es),
                       "no se han encontrado problemas en 1 archivo")
    }

    // MARK: - Language

    func testLanguageFromTheEnvironment() {
        XCTAssertEqual(Language.fromEnvironment(["LANG": "es_ES.UTF-8"]), .es)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "es_MX"]), .es)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "en_GB.UTF-8"]), .en)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "en_US", "LANG": "es_ES"]), .en, "LC_ALL first")
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "C.UTF-8", "LANG": "es_ES"]), .es, "C says nothing")
        XCTAssertNil(Language.fromEnvironment(["LANG": "fr_FR"]))
        XCTAssertNil(Language.fromEnvironment([:]))
        XCTAssertEqual(Language.resolve(option: nil, environment: [:], lab: .es), .es)
        XCTAssertEqual(Language.resolve(option: nil, environment: ["LANG": "en_US"], lab: .es), .en)
        XCTAssertEqual(Language.resolve(option: .es, environment: ["LANG": "en_US"], lab: .en), .es)
        XCTAssertEqual(Language.resolve(option: nil, environment: [:], lab: nil), .en)
    }
}
