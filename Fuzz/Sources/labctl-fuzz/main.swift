import CLibFuzzer
import Foundation
import FuzzTargets

// labctl-fuzz: libFuzzer over one of labctl's fuzz targets (see Package.swift).
//   LABCTL_FUZZ_TARGET=promql labctl-fuzz [libFuzzer flags] [corpus dirs]
//   LABCTL_FUZZ_WRITE_SEEDS=DIR labctl-fuzz   writes the generated seeds of the target into DIR.
//   LABCTL_FUZZ_TARGET=list labctl-fuzz       prints the target names.

if SelectedTarget.name == "list" {
    for target in FuzzTargets.all { print("\(target.name)\t\(target.summary)") }
    exit(0)
}
guard let target = SelectedTarget.target else {
    FileHandle.standardError.write(Data("labctl-fuzz: unknown target \"\(SelectedTarget.name)\"; set LABCTL_FUZZ_TARGET (list: LABCTL_FUZZ_TARGET=list)\n".utf8))
    exit(2)
}
if let directory = ProcessInfo.processInfo.environment["LABCTL_FUZZ_WRITE_SEEDS"], !directory.isEmpty {
    for (i, seed) in FuzzSeeds.seeds(for: target.name).enumerated() {
        FileManager.default.createFile(atPath: directory + "/generated-\(i)", contents: Data(seed))
    }
    exit(0)
}
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, SelectedTarget.callback))
