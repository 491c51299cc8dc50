import Diagnostics
import Foundation
import LabCatalog

/// `screenshots`: a folder of the submission holds at least `min` real images: PNG or JPEG by their
/// signature (not their name), each at least `min_bytes`.
public struct ScreenshotsCheck: CheckEvaluator {
    public static let kind = CheckKind.screenshots
    public init() {}

    public func evaluate(_ check: Check, in context: GradingContext) throws -> CheckVerdict {
        let path = try check.required("path")
        let wanted = Int(try check.number("min") ?? 1), minBytes = Int(try check.number("min_bytes") ?? 1024)
        guard context.submission.isDirectory(path) else {
            return .failed(Feedback(context.say("the folder \(path) with the screenshots is missing")))
        }
        var images = 0
        var notes: [String] = []
        for name in (try? context.submission.files(in: path)) ?? [] {
            let file = path + "/" + name
            guard let data = try? context.submission.data(file) else { continue }
            let bytes = [UInt8](data.prefix(8))
            let png = bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            let jpeg = bytes.starts(with: [0xFF, 0xD8, 0xFF])
            if !(png || jpeg) {
                if [".png", ".jpg", ".jpeg"].contains(where: name.lowercased().hasSuffix) {
                    notes.append(context.say("\(file) is not really a PNG or JPEG image"))
                }
                continue
            }
            if data.count < minBytes {
                notes.append(context.say("\(file) has \(data.count) bytes (at least \(minBytes))"))
                continue
            }
            images += 1
        }
        if images >= wanted { return .passed() }
        return .failed([Feedback(context.say("\(path) has \(images) valid screenshots; \(wanted) are asked"), notes: notes)])
    }
}
