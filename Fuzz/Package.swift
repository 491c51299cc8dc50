// swift-tools-version:6.0
import PackageDescription

/// The libFuzzer binary of labctl's fuzz targets. Separate from the root package so that `swift build`
/// and `swift test` never build it: `Fuzz/run` builds it with `-sanitize=fuzzer,address`.
///
/// One binary holds every target (one build, one link); it runs the target named by
/// `LABCTL_FUZZ_TARGET`, or by its own name when called through a `fuzz-<target>` link.
let package = Package(
    name: "labctl-fuzz",
    dependencies: [.package(name: "labctl", path: "..")],
    targets: [
        // libFuzzer's `LLVMFuzzerRunDriver`, declared for Swift (the library comes with -sanitize=fuzzer).
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(
            name: "labctl-fuzz",
            dependencies: ["CLibFuzzer", .product(name: "FuzzTargets", package: "labctl")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
