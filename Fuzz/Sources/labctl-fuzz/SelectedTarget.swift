import Foundation
import FuzzTargets

/// The target this process fuzzes: `LABCTL_FUZZ_TARGET`, else the program name after `fuzz-`.
enum SelectedTarget {
    static let name: String = {
        if let name = ProcessInfo.processInfo.environment["LABCTL_FUZZ_TARGET"], !name.isEmpty { return name }
        let program = (CommandLine.arguments.first ?? "") as NSString
        let base = program.lastPathComponent
        return base.hasPrefix("fuzz-") ? String(base.dropFirst("fuzz-".count)) : base
    }()

    static let target: FuzzTarget? = FuzzTargets.named(name)

    /// libFuzzer's callback: runs the target; a broken property aborts, which libFuzzer reports as a
    /// crash and saves the input.
    static let callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
        guard let target = SelectedTarget.target else { return -1 }
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        let broken = target.run(bytes)
        if !broken.isEmpty {
            for message in broken { FileHandle.standardError.write(Data("labctl-fuzz: \(target.name): \(message)\n".utf8)) }
            abort()
        }
        return 0
    }
}
