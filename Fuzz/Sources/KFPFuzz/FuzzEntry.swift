import Foundation

/// The libFuzzer entry point: runs the harness that `KFP_FUZZ_TARGET` names on one input.
///
/// libFuzzer calls this once per input; a thrown error is a rejected input (fine), a trap or a
/// sanitizer report is a finding. `scripts/fuzz.sh` sets `KFP_FUZZ_TARGET` per target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let name = getenv("KFP_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("KFP_FUZZ_TARGET must be one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")); found '\(name)'\n".utf8))
        exit(2)
    }
    target.run(data)
    return 0
}

/// libFuzzer's driver, for a `main` of our own (`int LLVMFuzzerRunDriver(int *argc, char ***argv,
/// int (*callback)(const uint8_t *, size_t))`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// The entry point SwiftPM links an executable target to (`main` is aliased to `<module>_main`);
/// it hands over to libFuzzer's driver, as libFuzzer's own `main` would.
@_cdecl("KFPFuzz_main")
public func fuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var count = argc
    var arguments = argv
    return withUnsafeMutablePointer(to: &count) { countPointer in
        withUnsafeMutablePointer(to: &arguments) { argumentsPointer in
            argumentsPointer.withMemoryRebound(to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self, capacity: 1) {
                runFuzzerDriver(countPointer, $0) { bytes, size in fuzzOneInput(bytes, size) }
            }
        }
    }
}
