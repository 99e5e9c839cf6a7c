import Foundation
import KFPLocal
import KFPSpec

/// 40 independent lightweight Python tasks: the Python SDK compiles the pipeline, kfp.local runs it
/// (SubprocessRunner, no venv, `install_kfp_package=False` since the oracle has kfp), and we run the
/// compiled YAML (its pip prelude provisions our managed environment once, before timing).
struct PythonBenchmark {
    let python: String
    let folder: URL

    static let script = """
        import sys, time
        from kfp import dsl, compiler, local
        out = sys.argv[1]
        def make(install):
            @dsl.component(base_image='python:3.11', install_kfp_package=install)
            def double(i: int) -> int:
                return i * 2
            @dsl.pipeline(name='forty-python-tasks')
            def forty():
                for i in range(40):
                    double(i=i)
            return forty
        compiler.Compiler().compile(make(True), out)
        local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root=out + '-kfp-local')
        pipeline = make(False)
        start = time.perf_counter()
        pipeline()
        print(time.perf_counter() - start)
        """

    func run() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let yaml = folder.appendingPathComponent("forty.yaml")
        // KFP reads the component's source with `inspect`, so the script must be a file.
        let script = folder.appendingPathComponent("forty.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, yaml.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            print("    not measured: cannot start \(python) (\(error)); set --python to a venv with kfp==2.17.3")
            return
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let kfpLocal = text.split(separator: "\n").last.flatMap({ Double($0) }) else {
            print("    not measured: the kfp.local script failed (exit \(process.terminationStatus))")
            return
        }
        let spec = try SpecLoader(file: yaml.path).loadPipelineSpec(String(contentsOf: yaml, encoding: .utf8))
        let runner = LocalRunner(options: LocalRunnerOptions(pipelineRoot: folder.appendingPathComponent("ours"), cachingEnabled: false))
        _ = try await runner.run(spec)  // provisions the managed environment (pip) once; not timed
        let start = DispatchTime.now().uptimeNanoseconds
        let run = try await runner.run(spec)
        let ours = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "    kfp.local 2.17.3: %.2f s (%.3f s per task, sequential)", kfpLocal, kfpLocal / 40))
        print(String(format: "    swift-kfp:        %.2f s (%@), ratio %.2f of kfp.local (goal: at most 0.25)", ours, run.state.rawValue, ours / kfpLocal))
    }
}
