/// `application/x-www-form-urlencoded` and percent-encoding, as Go's `net/url` reads and writes them.
public enum FormURLEncoding {
    /// The `name=value` pairs of `text` (separated by `&`), decoded; a pair that does not decode
    /// (bad `%` escape) is skipped, as Go's `ParseQuery` skips it.
    public static func parse(_ text: String) -> [(name: String, value: String)] {
        guard !text.isEmpty else { return [] }
        var items: [(name: String, value: String)] = []
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(String(kv.first ?? ""), plusIsSpace: true) else { continue }
            guard let value = decode(kv.count > 1 ? String(kv[1]) : "", plusIsSpace: true) else { continue }
            items.append((name, value))
        }
        return items
    }

    /// `text` with `%XX` escapes (and `+` when `plusIsSpace`) decoded as UTF-8 bytes, or nil when an
    /// escape is malformed. Invalid UTF-8 is replaced by U+FFFD.
    public static func decode(_ text: String, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` escaped for a query component (Go's `url.QueryEscape`: space as `+`, unreserved kept);
    /// with `spaceAsPlus` false a space is `%20` (Go's `url.PathEscape` of a segment without `/`).
    public static func encode(_ text: String, spaceAsPlus: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " ") where spaceAsPlus:
                out += "+"
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(digits[Int(byte >> 4)])
                out.unicodeScalars.append(digits[Int(byte & 0x0F)])
            }
        }
        return out
    }

    /// `pairs` as a form body or query string (`a=1&b=x+y`).
    public static func encode(_ pairs: [(name: String, value: String)]) -> String {
        pairs.map { encode($0.name) + "=" + encode($0.value) }.joined(separator: "&")
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
