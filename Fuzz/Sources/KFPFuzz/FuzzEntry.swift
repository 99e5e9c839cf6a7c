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
