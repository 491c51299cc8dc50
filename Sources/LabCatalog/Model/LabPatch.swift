import Diagnostics

/// One edit of a lab file: `replace` (which must occur exactly once) becomes `with`, the whole
/// file becomes `content`, or the file is deleted. Starters (`starter.yaml`, applied to the template text) and seeded defects
/// (`defects.yaml`, applied to the rendered solution) are lists of these.
public struct LabPatch: Sendable, Hashable {
    /// The lab path of the file (`prometheus/alert_rules.yml`).
    public var file: String
    /// The exact text to replace; `nil` when the patch replaces or deletes the whole file.
    public var replace: String?
    /// The new text.
    public var with: String
    /// The new content of the whole file (`content:`), when the patch replaces all of it.
    public var content: String?
    /// Whether the patch deletes the file.
    public var delete: Bool
    /// Where the patch is declared.
    public var location: SourceLocation?

    public init(file: String, replace: String?, with: String = "", content: String? = nil, delete: Bool = false,
                location: SourceLocation? = nil) {
        self.file = file
        self.replace = replace
        self.with = with
        self.content = content
        self.delete = delete
        self.location = location
    }

    /// How often `needle` occurs in `text` (overlaps not counted), stopping at 2.
    static func occurrences(of needle: String, in text: String) -> Int {
        guard !needle.isEmpty else { return 0 }
        var count = 0
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: needle, range: searchRange) {
            count += 1
            if count > 1 { break }
            searchRange = found.upperBound..<text.endIndex
        }
        return count
    }

    /// `text` with this patch's replacement applied; throws unless `replace` occurs exactly once.
    /// `what` names the text in errors (a file path, a template).
    public func apply(to text: String, what: String) throws -> String {
        guard let replace else { return content ?? text }
        let count = Self.occurrences(of: replace, in: text)
        guard count == 1, let range = text.range(of: replace) else {
            let where_ = location.map { "\($0): " } ?? ""
            let shown = replace.count > 60 ? String(replace.prefix(60)) + "…" : replace
            throw CatalogError("\(where_)patch of \(file): the text \"\(shown)\" occurs "
                               + (count == 0 ? "nowhere" : "more than once") + " in \(what); it must occur exactly once")
        }
        var out = text
        out.replaceSubrange(range, with: with)
        return out
    }

    /// Applies `patches` in order to `files`: replacements edit the file with the same path,
    /// deletions remove it. Throws when a patch names a file not in `files` or its text does not
    /// occur exactly once.
    public static func apply(_ patches: [LabPatch],
                             to files: [(path: String, content: String)]) throws -> [(path: String, content: String)] {
        var out = files
        for patch in patches {
            guard let index = out.firstIndex(where: { $0.path == patch.file }) else {
                let where_ = patch.location.map { "\($0): " } ?? ""
                throw CatalogError("\(where_)patch names \(patch.file), which is not a file of the lab")
            }
            if patch.delete {
                out.remove(at: index)
            } else {
                out[index].content = try patch.apply(to: out[index].content, what: patch.file)
            }
        }
        return out
    }
}
