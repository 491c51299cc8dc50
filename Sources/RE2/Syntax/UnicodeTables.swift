/// Named character classes: Perl (`\d`), POSIX (`[:alpha:]`), Unicode categories and scripts (`\p{L}`).
enum UnicodeTables {
    // MARK: - Perl and POSIX classes (ASCII only, as in RE2)

    /// `\d \s \w` by their letter (lowercase); the uppercase escapes are their negations.
    static func perlClass(_ letter: Character) -> CharClass? {
        switch letter {
        case "d": return CharClass([0x30...0x39])
        case "s": return CharClass([0x09...0x0A, 0x0C...0x0D, 0x20...0x20])
        case "w": return CharClass([0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F...0x5F])
        default: return nil
        }
    }

    /// The POSIX class `[:name:]`.
    static func posixClass(_ name: String) -> CharClass? {
        switch name {
        case "alnum": return CharClass([0x30...0x39, 0x41...0x5A, 0x61...0x7A])
        case "alpha": return CharClass([0x41...0x5A, 0x61...0x7A])
        case "ascii": return CharClass([0x00...0x7F])
        case "blank": return CharClass([0x09...0x09, 0x20...0x20])
        case "cntrl": return CharClass([0x00...0x1F, 0x7F...0x7F])
        case "digit": return CharClass([0x30...0x39])
        case "graph": return CharClass([0x21...0x7E])
        case "lower": return CharClass([0x61...0x7A])
        case "print": return CharClass([0x20...0x7E])
        case "punct": return CharClass([0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E])
        case "space": return CharClass([0x09...0x0D, 0x20...0x20])
        case "upper": return CharClass([0x41...0x5A])
        case "word": return CharClass([0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F...0x5F])
        case "xdigit": return CharClass([0x30...0x39, 0x41...0x46, 0x61...0x66])
        default: return nil
        }
    }

    // MARK: - Unicode classes

    /// A Unicode general category (`L`, `Lu`, ...), `Any`, or a supported script (`Greek`, ...).
    static func unicodeClass(_ name: String) -> CharClass? {
        if name == "Any" { return .any }
        if let c = categories.table[name] { return c }
        if let ranges = UnicodeScripts.ranges[name] {
            return CharClass(ranges).intersection(categories.assigned)
        }
        return nil
    }

    private struct CategoryTable: Sendable {
        var table: [String: CharClass]
        var assigned: CharClass
    }

    /// Built once by scanning every scalar's `generalCategory`.
    private static let categories: CategoryTable = buildCategories()

    private static func code(_ c: Unicode.GeneralCategory) -> String? {
        switch c {
        case .uppercaseLetter: return "Lu"
        case .lowercaseLetter: return "Ll"
        case .titlecaseLetter: return "Lt"
        case .modifierLetter: return "Lm"
        case .otherLetter: return "Lo"
        case .nonspacingMark: return "Mn"
        case .spacingMark: return "Mc"
        case .enclosingMark: return "Me"
        case .decimalNumber: return "Nd"
        case .letterNumber: return "Nl"
        case .otherNumber: return "No"
        case .connectorPunctuation: return "Pc"
        case .dashPunctuation: return "Pd"
        case .openPunctuation: return "Ps"
        case .closePunctuation: return "Pe"
        case .initialPunctuation: return "Pi"
        case .finalPunctuation: return "Pf"
        case .otherPunctuation: return "Po"
        case .mathSymbol: return "Sm"
        case .currencySymbol: return "Sc"
        case .modifierSymbol: return "Sk"
        case .otherSymbol: return "So"
        case .spaceSeparator: return "Zs"
        case .lineSeparator: return "Zl"
        case .paragraphSeparator: return "Zp"
        case .control: return "Cc"
        case .format: return "Cf"
        case .surrogate: return "Cs"
        case .privateUse: return "Co"
        case .unassigned: return nil
        @unknown default: return nil
        }
    }

    private static func buildCategories() -> CategoryTable {
        var ranges: [String: [ClosedRange<UInt32>]] = [:]
        var currentCode: String?
        var start: UInt32 = 0
        func flush(_ end: UInt32) {
            if let code = currentCode, end >= start { ranges[code, default: []].append(start...end) }
        }
        // Planes 4-13 are unassigned and planes 15-16 are private use (except their last two
        // noncharacters), so only planes 0-3 and 14 are scanned.
        for plane in [0x0...0x3FFFF, 0xE0000...0xEFFFF] as [ClosedRange<UInt32>] {
            var c = plane.lowerBound
            while c <= plane.upperBound {
                var code: String?
                if let s = Unicode.Scalar(c) { code = Self.code(s.properties.generalCategory) } else { code = "Cs" }
                if code != currentCode {
                    if c > 0 { flush(c - 1) }
                    currentCode = code
                    start = c
                }
                c += 1
            }
            flush(plane.upperBound)
            currentCode = nil
        }
        ranges["Co", default: []].append(contentsOf: [0xF0000...0xFFFFD, 0x100000...0x10FFFD])
        var table: [String: CharClass] = [:]
        var majors: [String: [ClosedRange<UInt32>]] = [:]
        var all: [ClosedRange<UInt32>] = []
        for (code, rs) in ranges {
            table[code] = CharClass(rs)
            majors[String(code.prefix(1)), default: []].append(contentsOf: rs)
            all.append(contentsOf: rs)
        }
        for (major, rs) in majors { table[major] = CharClass(rs) }
        return CategoryTable(table: table, assigned: CharClass(all))
    }
}

// MARK: - Set operations

extension CharClass {
    /// The scalars in both classes.
    func intersection(_ other: CharClass) -> CharClass {
        var out: [ClosedRange<UInt32>] = []
        var i = 0
        var j = 0
        let a = ranges
        let b = other.ranges
        while i < a.count && j < b.count {
            let lo = Swift.max(a[i].lowerBound, b[j].lowerBound)
            let hi = Swift.min(a[i].upperBound, b[j].upperBound)
            if lo <= hi { out.append(lo...hi) }
            if a[i].upperBound < b[j].upperBound { i += 1 } else { j += 1 }
        }
        return CharClass(out)
    }
}
