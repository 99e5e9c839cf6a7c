import Foundation

/// The engine's own cost of running a task's container: `<engine> run --rm --network host -v DIR:DIR
/// python:3.11 sh -c 'printf %s N > DIR/out-N'`, the same command, mount and network the launcher
/// gives a benchmark task, run `parallel` at a time.
struct EngineFloor {
    let engine: URL
    let folder: URL

    /// `name` on `PATH`, or `nil`.
    static func locate(_ name: String) -> URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return folders.map { URL(fileURLWithPath: "\($0)/\(name)") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Seconds for `runs` runs, `parallel` at a time.
    ///
    /// - Throws: ``FloorError`` when a run fails.
    func measure(runs: Int, parallel: Int) async throws -> Double {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let start = DispatchTime.now().uptimeNanoseconds
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func add() {
                let index = next
                next += 1
                group.addTask { try await self.runOnce(index) }
            }
            for _ in 0..<min(parallel, runs) { add() }
            while try await group.next() != nil {
                if next < runs { add() }
            }
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private func runOnce(_ index: Int) async throws {
        let path = folder.path
        let arguments = ["run", "--rm", "--network", "host", "--volume", "\(path):\(path)", "python:3.11",
                         "sh", "-c", "printf %s \(index) > \(path)/out-\(index)"]
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            let process = Process()
            process.executableURL = engine
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        if status != 0 { throw FloorError(message: "\(engine.lastPathComponent) run exited with \(status)") }
    }
}

struct FloorError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// kfp.local 2.17.3 compiling and running the benchmark's container pipeline (`kfp_local_docker.py`).
struct KFPLocalDocker {
    let python: String
    let script: URL

    /// Compiles the pipeline to `yaml` and runs it with kfp.local's DockerRunner.
    ///
    /// - Returns: its seconds and how many tasks wrote their output.
    /// - Throws: ``FloorError`` with the script's last output when it fails.
    func run(yaml: URL, tasks: Int) async throws -> (seconds: Double, succeeded: Int) {
        let output = yaml.deletingLastPathComponent().appendingPathComponent("kfp-local.out")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [script.path, yaml.path, String(tasks)]
            do {
                let handle = try FileHandle(forWritingTo: output)
                process.standardOutput = handle
                process.standardError = handle
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                try process.run()
            } catch {
                continuation.resume(throwing: error)
            }
        }
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard status == 0, let last = text.split(separator: "\n").last,
            let object = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any],
            let seconds = object["seconds"] as? Double, let succeeded = object["succeeded"] as? Int
        else {
            throw FloorError(message: "kfp.local failed (status \(status)): \(text.suffix(600))")
        }
        return (seconds, succeeded)
    }
}
