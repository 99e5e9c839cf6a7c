// Compiles pipelines of 100, 1,000, 4,000 and 10,000 container tasks (10 parallel chains, each
// task consuming the previous output of its chain) and prints each time beside kfp 2.17.3
// compiling the same shape in the same run.
//
//   swift run -c release CompileBenchmark [--sizes 100,1000,4000,10000] [--kfp-max 4000] [--python PATH]
//
// kfp's compiler grows quadratically (96 s for 4,000 tasks measured here), so sizes above
// --kfp-max are compiled by swift-kfp only.
import Foundation
import KFP
import KFPCompiler
import KFPSpec

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let sizes = (option("--sizes") ?? "100,1000,4000,10000").split(separator: ",").compactMap { Int($0) }
let kfpMax = option("--kfp-max").flatMap(Int.init) ?? 4000
let python = option("--python") ?? ProcessInfo.processInfo.environment["KFP_ORACLE_PYTHON"] ?? ".venv-oracle/bin/python"

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func kfpSeconds(_ count: Int) -> Double? {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-compile-bench-\(count).yaml")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", ChainPipeline.pythonScript, String(count), output.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    do {
        try process.run()
    } catch {
        print("kfp: cannot start \(python): \(error)")
        return nil
    }
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
}

print("tasks   swift-kfp (s)   per task (ms)   kfp 2.17.3 (s)   ratio kfp/swift-kfp")
var previous: (tasks: Int, time: Double)?
for size in sizes {
    var yamlBytes = 0
    var phases: [Double] = []
    let ours = try seconds {
        var pipeline: Pipeline?
        var spec: PipelineSpec?
        phases.append(try seconds { pipeline = try ChainPipeline.make(taskCount: size) })
        phases.append(try seconds { spec = try pipeline.map { try PipelineCompiler().compile($0) } })
        phases.append(try seconds { yamlBytes = try spec.map { try SpecWriter().write($0).utf8.count } ?? 0 })
    }
    let theirs = size <= kfpMax ? kfpSeconds(size) : nil
    let ratio = theirs.map { String(format: "%.0fx", $0 / ours) } ?? "-"
    let kfpText = theirs.map { String(format: "%.2f", $0) } ?? (size <= kfpMax ? "failed" : "not run")
    print(String(format: "%6d  %14.3f  %14.3f  %15@  %@", size, ours, ours * 1000 / Double(size), kfpText, ratio))
    if let previous {
        let growth = (ours / previous.time) / (Double(size) / Double(previous.tasks))
        print(String(format: "        growth vs %d tasks: %.2f x linear (%d bytes of YAML)", previous.tasks, growth, yamlBytes))
    }
    print(String(format: "        define %.3f s, compile %.3f s, write YAML %.3f s", phases[0], phases[1], phases[2]))
    previous = (size, ours)
}
