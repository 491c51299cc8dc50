import Foundation

/// Writes labs into directories: `labctl init LAB DIR` and `labctl init --update DIR`.
///
/// - Re-running is safe: identical files are skipped and changed files are kept unless `force`.
/// - `DIR/.labctl/answers.yaml` records the lab, the template version and the student's values;
///   `DIR/.labctl/base/` keeps the plain renders, the base of the three-way merge that `--update`
///   does between the student's files (ours) and the new template renders (theirs).
public struct LabWriter: Sendable {
    public let catalog: Catalog
    /// The largest existing file read for comparison or merge, in bytes.
    public static let maxFileBytes = 8 << 20

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    // MARK: - Planning

    /// The plan for writing `spec` into `directory` with the given values (`init LAB DIR`): the
    /// starter by default, the reference solution with `variant: .solution` (`init --solution`).
    public func plan(_ spec: LabSpec, directory: String, given: [String: String], force: Bool,
                     variant: LabVariant = .starter) throws -> InitPlan {
        let dir = URL(fileURLWithPath: directory)
        try requireUsableTarget(directory)
        try requireNoLinks(dir, LabAnswers.path)
        if let existing = try? readAnswers(dir), existing.lab != spec.id, !force {
            throw CatalogError("\(directory) holds lab \(existing.lab), not \(spec.id); use --force to write \(spec.id) over it")
        }
        let values = try AnswerResolver(spec: spec).resolve(given)
        let renderer = LabRenderer(catalog: catalog)
        let renders = try renderer.render(spec, values: values, variant: variant)
        var entries: [InitPlan.Entry] = []
        for (path, content) in renders {
            let current = try readFile(dir, path)
            try requireNoLinks(dir, LabAnswers.baseFolder + "/" + path)
            let action: InitPlan.Action
            switch current {
            case nil: action = .create
            case content?: action = .unchanged
            default: action = force ? .overwrite : .keep
            }
            entries.append(.init(path: path, action: action, current: current, proposed: content, render: content))
        }
        for (path, data) in try renderer.binaryFiles(spec, variant: variant) {
            let current = try readData(dir, path)
            let action: InitPlan.Action = current == nil ? .create : current == data ? .unchanged : force ? .overwrite : .keep
            entries.append(.init(path: path, action: action, current: nil, proposed: "", render: "", data: data))
        }
        return InitPlan(lab: spec, directory: directory, entries: entries,
                        answers: LabAnswers(lab: spec.id, version: spec.version, values: values, variant: variant),
                        previousVersion: nil)
    }

    /// The plan for bringing `directory` to the catalogue's version of its lab (`init --update DIR`).
    /// `given` values override the recorded answers.
    public func planUpdate(directory: String, given: [String: String]) throws -> InitPlan {
        let dir = URL(fileURLWithPath: directory)
        try requireUsableTarget(directory)
        guard try readFile(dir, LabAnswers.path) != nil else {
            throw CatalogError("\(directory) was not written by labctl init (no \(LabAnswers.path)); "
                               + "run labctl init LAB \(directory) first")
        }
        let old = try readAnswers(dir)
        let spec = try catalog.requireLab(old.lab)
        let values = try AnswerResolver(spec: spec).resolve(old.values.merging(given) { $1 })
        let renderer = LabRenderer(catalog: catalog)
        let renders = try renderer.render(spec, values: values, variant: old.variant)
        let labels = ThreeWayMerge.Labels(ours: "ours (your file)", theirs: "theirs (template \(spec.id) v\(spec.version))")
        var entries: [InitPlan.Entry] = []
        for (path, theirs) in renders {
            let ours = try readFile(dir, path)
            let base = try readFile(dir, LabAnswers.baseFolder + "/" + path)
            guard let ours else {
                entries.append(.init(path: path, action: .create, current: nil, proposed: theirs, render: theirs))
                continue
            }
            let merge = ThreeWayMerge(base: base ?? "", ours: ours, theirs: theirs, labels: labels)
            if merge.conflicts > 0 {
                entries.append(.init(path: path, action: .conflict, current: ours, proposed: merge.text, render: theirs))
            } else if ours == theirs {
                entries.append(.init(path: path, action: .unchanged, current: ours, proposed: ours, render: theirs))
            } else if merge.text == ours {
                // The student's edits are all the difference: the file is left alone, and (as for
                // plain `init`) the proposal is the template render, so `--dry-run` shows the edits.
                entries.append(.init(path: path, action: .keep, current: ours, proposed: theirs, render: theirs))
            } else {
                entries.append(.init(path: path, action: .merge, current: ours, proposed: merge.text, render: theirs))
            }
        }
        for (path, data) in try renderer.binaryFiles(spec, variant: old.variant) {
            // Binary files are not merged: a missing one is written, a changed one is the student's.
            let current = try readData(dir, path)
            let action: InitPlan.Action = current == nil ? .create : current == data ? .unchanged : .keep
            entries.append(.init(path: path, action: action, current: nil, proposed: "", render: "", data: data))
        }
        return InitPlan(lab: spec, directory: directory, entries: entries,
                        answers: LabAnswers(lab: spec.id, version: spec.version, values: values, variant: old.variant,
                                           language: old.language),
                        previousVersion: old.version)
    }

    // MARK: - Applying

    /// Writes the plan's files, the answers and the merge bases.
    public func apply(_ plan: InitPlan) throws {
        let dir = URL(fileURLWithPath: plan.directory)
        for entry in plan.entries where entry.writes {
            if let data = entry.data {
                try write(data, in: dir, entry.path)
            } else {
                try write(entry.proposed, in: dir, entry.path)
            }
        }
        for entry in plan.entries where entry.data == nil {
            try write(entry.render, in: dir, LabAnswers.baseFolder + "/" + entry.path)
        }
        try write(plan.answers.yaml(), in: dir, LabAnswers.path)
    }

    // MARK: - Files

    private func readAnswers(_ dir: URL) throws -> LabAnswers {
        let url = dir.appendingPathComponent(LabAnswers.path)
        guard let text = try readFile(dir, LabAnswers.path) else { throw CatalogError("missing \(LabAnswers.path)") }
        return try LabAnswers.parse(text, file: url.path)
    }

    /// Refuses a lab directory that is a symbolic link leading nowhere (dangling, or a loop), or a
    /// path that exists and is not a directory. A link to an existing directory is fine.
    func requireUsableTarget(_ directory: String) throws {
        var st = stat()
        guard lstat(directory, &st) == 0 else { return }  // does not exist: init creates it
        if (st.st_mode & S_IFMT) == S_IFLNK {
            var target = stat()
            if stat(directory, &target) != 0 {
                let why = errno == ELOOP ? "a loop of symbolic links" : "a dangling symbolic link (its target does not exist)"
                throw CatalogError("\(directory) is a symbolic link: \(why); remove it or point it at a directory")
            }
            if (target.st_mode & S_IFMT) != S_IFDIR {
                throw CatalogError("\(directory) is a symbolic link to something that is not a directory")
            }
            return
        }
        if (st.st_mode & S_IFMT) != S_IFDIR {
            throw CatalogError("\(directory) exists and is not a directory")
        }
    }

    /// Refuses a path inside `dir` that goes through a symbolic link (a folder or the file
    /// itself), so that reading and writing never leave the lab directory.
    private func requireNoLinks(_ dir: URL, _ relative: String) throws {
        var url = dir
        for component in relative.split(separator: "/") {
            url = url.appendingPathComponent(String(component))
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return }
            if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
                throw CatalogError("\(url.path) is a symbolic link; labctl init does not follow links inside "
                                   + "the lab directory (remove it, or replace it with a plain file or folder)")
            }
        }
    }

    /// The text of the file at `relative` inside `dir`, `nil` when it does not exist.
    private func readFile(_ dir: URL, _ relative: String) throws -> String? {
        try readData(dir, relative).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of the file at `relative` inside `dir`, `nil` when it does not exist.
    private func readData(_ dir: URL, _ relative: String) throws -> Data? {
        try requireNoLinks(dir, relative)
        let url = dir.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { throw CatalogError("\(url.path) is a directory, expected a file") }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CatalogError("cannot read \(url.path)")
        }
        guard data.count <= Self.maxFileBytes else {
            throw CatalogError("\(url.path) is larger than \(Self.maxFileBytes) bytes")
        }
        return data
    }

    private func write(_ text: String, in dir: URL, _ relative: String) throws {
        try write(Data(text.utf8), in: dir, relative)
    }

    private func write(_ data: Data, in dir: URL, _ relative: String) throws {
        try requireNoLinks(dir, relative)
        let url = dir.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw CatalogError("cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
