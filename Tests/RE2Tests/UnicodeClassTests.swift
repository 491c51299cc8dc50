import XCTest
@testable import RE2

/// Unicode categories, scripts and case folding.
final class UnicodeClassTests: XCTestCase {
    private let cases: [(String, String, Bool)] = [
        ("\\pL+", "héllo", true), ("\\pL", "1", false), ("\\p{L}", "ж", true), ("\\PL", "1", true), ("\\PL", "a", false),
        ("\\p{^L}", "1", true), ("\\P{^L}", "a", true), ("\\p{Lu}", "Á", true), ("\\p{Lu}", "á", false),
        ("\\p{Ll}", "á", true), ("\\p{N}+", "٣3", true), ("\\p{Nd}", "٣", true), ("\\p{Sc}", "€", true),
        ("\\p{Zs}", " ", true), ("\\p{P}", "!", true), ("\\p{Cc}", "\u{7}", true), ("\\p{Co}", "\u{E000}", true), ("\\p{Co}", "\u{F0001}", true), ("\\p{L}", "\u{50000}", false), ("\\p{Lo}", "\u{20000}", true), ("\\p{Cf}", "\u{E0001}", true),
        ("\\p{M}", "\u{301}", true), ("\\p{Greek}+", "αβγΩ", true), ("\\p{Greek}", "a", false),
        ("\\p{Latin}+", "abcÀ", true), ("\\p{Latin}", "1", false), ("\\p{Cyrillic}+", "жизнь", true),
        ("\\p{Han}+", "中文", true), ("\\p{Hiragana}", "ひ", true), ("\\p{Katakana}", "カ", true),
        ("\\p{Arabic}", "ع", true), ("\\p{Hebrew}", "א", true), ("\\p{Hangul}", "한", true),
        ("\\p{Thai}", "ก", true), ("\\p{Devanagari}", "क", true), ("\\p{Armenian}", "Ա", true),
        ("\\p{Georgian}", "ა", true), ("\\p{Bengali}", "অ", true), ("[\\p{Greek}\\d]+", "α1β2", true),
        ("[^\\p{L}]", "a", false), ("[^\\P{L}]", "a", true),
        // Case folding
        ("(?i)k", "\u{212A}", true), ("(?i)K", "k", true), ("(?i)s", "\u{17F}", true), ("(?i)σ", "Σ", true),
        ("(?i)σ", "ς", true), ("(?i)ǆ", "ǅ", true), ("(?i)ǆ", "Ǆ", true), ("(?i)i", "ı", false), ("(?i)i", "İ", false),
        ("(?i)ß", "ẞ", true), ("(?i)é", "É", true), ("(?i)[a-c]", "B", true), ("(?i)[^a]", "A", false),
        ("(?i)[k]", "\u{212A}", true), ("(?i)\\p{Lu}", "a", true), ("\\p{Lu}", "a", false),
        ("(?i)[[:upper:]]", "a", true), ("(?i)[[:^upper:]]", "a", false), ("(?i)\\w", "\u{212A}", true),
        ("(?i)errör", "ERRÖR", true), ("(?i)error", "ERROR\u{212A}", false), ("(?i)ok", "O\u{212A}", true),
    ]

    func testClassesAndFolding() throws {
        for (pattern, input, expected) in cases {
            let re = try CompiledRegex(pattern)
            XCTAssertEqual(re.matches(input), expected, "\(pattern) ~ \(input)")
        }
    }

    func testCaseFoldingOrbits() {
        XCTAssertEqual(Set(CaseFolding.variants(of: 0x6B)), [0x4B, 0x212A])
        XCTAssertEqual(Set(CaseFolding.variants(of: 0x212A)), [0x4B, 0x6B])
        XCTAssertEqual(Set(CaseFolding.variants(of: 0x3C3)), [0x3A3, 0x3C2])
        XCTAssertTrue(CaseFolding.variants(of: 0x31).isEmpty)
    }

    func testCharClassOperations() {
        let c = CharClass([5...10, 1...3, 4...4, 20...30])
        XCTAssertEqual(c.ranges, [1...10, 20...30])
        XCTAssertEqual(c.negated().ranges, [0...0, 11...19, 31...CharClass.maxScalar])
        XCTAssertEqual(c.negated().negated(), c)
        XCTAssertEqual(c.intersection(CharClass([8...25])).ranges, [8...10, 20...25])
        XCTAssertTrue(c.contains(25))
        XCTAssertFalse(c.contains(15))
        XCTAssertTrue(CharClass.any.isFull)
    }
}
