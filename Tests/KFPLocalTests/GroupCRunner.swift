import Foundation
import KFPLocal
import KFPSpec
import KFPTestSupport

/// Runs group C cases with the real ``LocalRunner`` in a fresh pipeline root each.
enum GroupCRunner {
    /// Every run uses this id, so task folders and `{{$.pipeline_job_resource_name}}`
    /// (`<pipeline>-0c0c0c0c`) are known in advance.
    static let runID = "0c0c0c0c-1111-4222-8333-444444444444"
    static let rerunID = "0c0c0c0c-5555-4666-8777-888888888888"

    /// The cases whose file is in the corpus and whose programs are on `PATH`; notices for the rest.
    static func runnable(_ cases: [GroupCCase]) -> [GroupCCase] {
        guard let corpus = TestEnvironment.corpus else {
            print("notice: group C container corpus tests skipped (no corpus)")
            return []
        }
        let valid = corpus.appendingPathComponent("pipelines/valid")
        return cases.filter { item in
            guard FileManager.default.fileExists(atPath: valid.appendingPathComponent(item.file + ".yaml").path) else {
                print("notice: group C: \(item.testDescription) is not in the corpus; skipped")
                return false
            }
            let missing = item.programs.filter { onPath($0) == nil }
            if !missing.isEmpty {
                print("notice: group C: \(item.testDescription) skipped: \(missing.joined(separator: ", ")) not on PATH")
                return false
            }
            return true
        }
    }

    /// The path of `program` on this process's `PATH`, or `nil`.
    static func onPath(_ program: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return folders.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ item: GroupCCase, launcher: TaskLauncherKind = .subprocess) async throws -> GroupCRun {
        guard let corpus = TestEnvironment.corpus else { throw LocalRunError("no corpus") }
        let file = corpus.appendingPathComponent("pipelines/valid/\(item.file).yaml")
        var spec = try SpecLoader(file: file.path).loadPipelineSpec(String(contentsOf: file, encoding: .utf8))
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("kfp-group-c-\(UUID().uuidString)").standardizedFileURL
        let root = scratch.appendingPathComponent("root")
        if !item.stubs.isEmpty {
            try installStubs(item.stubs, in: scratch.appendingPathComponent("bin"), spec: &spec)
        }
        item.edit?(&spec)
        for (task, files) in item.taskFiles {
            let folder = root.appendingPathComponent(spec.pipelineInfo.name).appendingPathComponent(runID)
                .appendingPathComponent(task)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, content) in files { try Data(content.utf8).write(to: folder.appendingPathComponent(name)) }
        }
        let runner = LocalRunner(options: LocalRunnerOptions(
            pipelineRoot: root, maxParallel: 2, cachingEnabled: item.rerunWithCache, launcher: launcher))
        let started = Date()
        let fixed = spec
        let arguments = item.arguments
        let run: LocalRun
        if let cancel = item.cancelWhenLogged {
            let log = root.appendingPathComponent("\(spec.pipelineInfo.name)/\(runID)/\(cancel.task)/log.txt")
            run = try await runAndCancel(runner, fixed, arguments, whenLog: log, contains: cancel.text)
        } else {
            run = try await LocalOracleTests.withTimeout(seconds: 180) {
                try await runner.run(fixed, arguments: arguments, runID: runID)
            }
        }
        let seconds = Date().timeIntervalSince(started)
        var rerun: LocalRun?
        if item.rerunWithCache {
            rerun = try await runner.run(fixed, arguments: arguments, runID: rerunID)
        }
        return GroupCRun(run: run, rerun: rerun, root: root.standardizedFileURL, seconds: seconds)
    }

    /// Writes each stub as an executable `sh` script and puts its folder first on the `PATH` of
    /// every container executor (an `env` entry; the command itself is left as it is).
    private static func installStubs(_ stubs: [String: String], in folder: URL, spec: inout PipelineSpec) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, body) in stubs {
            let script = folder.appendingPathComponent(name)
            try Data("#!/bin/sh\n\(body)\n".utf8).write(to: script)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        }
        let path = folder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        for (label, executor) in spec.deploymentSpec?.executors ?? [:] {
            guard var container = executor.container else { continue }
            container.env = (container.env ?? []) + [EnvironmentVariable(name: "PATH", value: path)]
            spec.deploymentSpec?.executors?[label]?.container = container
        }
    }

    /// Starts the run, cancels it once `log` contains `text` (or after 180 s: a loaded machine may
    /// take long to start a container), and returns its record.
    private static func runAndCancel(
        _ runner: LocalRunner, _ spec: PipelineSpec, _ arguments: [String: JSONValue], whenLog log: URL, contains text: String
    ) async throws -> LocalRun {
        let task = Task { try await runner.run(spec, arguments: arguments, runID: runID) }
        let deadline = Date().addingTimeInterval(180)
        while Date() < deadline {
            if let data = FileManager.default.contents(atPath: log.path), String(decoding: data, as: UTF8.self).contains(text) {
                break
            }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        task.cancel()
        return try await task.value
    }
}

/// Shell lines shared by the stub programs.
enum Stub {
    /// Records the stub's arguments, one per line, in `argv.txt` in the working directory (the task folder).
    static let recordArgv = #"printf '%s\n' "$@" > argv.txt"#

    /// Records the arguments, then writes `text` to the file named after `--<flag>`.
    static func recordAndWrite(_ text: String, after flag: String) -> String {
        recordArgv + "\n" + #"while [ $# -gt 0 ]; do if [ "$1" = "\#(flag)" ]; then printf '%s' '\#(text)' > "$2"; fi; shift; done"#
    }
}
