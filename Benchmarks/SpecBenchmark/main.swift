// Loads and validates a 1,000-task IR file and prints the time beside PyYAML's safe_load of the
// same file, measured in the same run.
//
//   swift run -c release SpecBenchmark [--tasks N] [--python PATH]
import Foundation
import KFPSpec

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let taskCount = option("--tasks").flatMap(Int.init) ?? 1000
let python = option("--python") ?? ProcessInfo.processInfo.environment["KFP_ORACLE_PYTHON"] ?? ".venv-oracle/bin/python"

let text = try SpecWriter().write(BenchmarkPipeline.make(taskCount: taskCount))
let file = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-bench-\(taskCount)-tasks.yaml")
try text.write(to: file, atomically: true, encoding: .utf8)
print("pipeline: \(taskCount) tasks, \(text.utf8.count) bytes at \(file.path)")

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let data = try Data(contentsOf: file)
var ours: [Double] = []
for _ in 0..<5 {
    ours.append(try seconds {
        let loaded = try SpecLoader(file: file.path).load(data)
        try SpecValidator().validate(loaded)
    })
}
let ourMedian = ours.sorted()[ours.count / 2]
print(String(format: "swift-kfp load+validate: median %.3f s of %d runs", ourMedian, ours.count))

let script = """
    import sys, time, yaml
    text = open(sys.argv[1]).read()
    runs = []
    for _ in range(5):
        start = time.perf_counter(); yaml.safe_load(text); runs.append(time.perf_counter() - start)
    print(sorted(runs)[len(runs) // 2])
    """
let process = Process()
process.executableURL = URL(fileURLWithPath: python)
process.arguments = ["-c", script, file.path]
let pipe = Pipe()
process.standardOutput = pipe
do {
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    if let pyYAML = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) {
        print(String(format: "PyYAML safe_load (parse only): median %.3f s of 5 runs", pyYAML))
        print(String(format: "ratio swift-kfp / PyYAML: %.2f (%.1fx faster)", ourMedian / pyYAML, pyYAML / ourMedian))
    } else {
        print("PyYAML: no measurement (\(python) printed '\(output)')")
    }
} catch {
    print("PyYAML: not measured, cannot start \(python): \(error)")
}
