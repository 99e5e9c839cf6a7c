import Foundation
import KFPTestSupport
import KFPLocal
import KFPSpec
import Testing

/// The differential test of the local runner against `kfp.local` (kfp==2.17.3, SubprocessRunner):
/// every corpus pipeline that kfp.local can run (groups A and B of ir-and-execution.md section 6,
/// PyPI the only network) runs in both, with the same arguments; pipeline output parameters and
/// the output parameters of every task both report must be equal (numbers by value), and the
/// pipelines must have the same output artifacts.
///
/// How tasks are matched: kfp.local writes a task's results to
/// `<root>/<pipeline>-<timestamp>/<folder>/executor_output.json`, where the folder is the task's
/// component name without `comp-`, ParallelFor iterations nest under `<loop task>-iteration-<i>/`,
/// and nested (non-loop) DAGs share their parent's folder. ``KFPLocalFolder`` computes that folder
/// for each of our task paths (`for-loop-2/0/print-op` → `for-loop-2-iteration-0/print-op`). The
/// compiler gives every task its own component, so the mapping is one-to-one; a folder two of our
/// tasks map to would be left out of the comparison as ambiguous (none is, in this corpus).
///
/// Where kfp.local differs from the cluster and we follow the cluster (DESIGN section 4), the case
/// table says so and the comparison leaves that value out rather than copying kfp.local.
@Suite("kfp.local differential")
struct LocalOracleTests {
    @Test("pipeline and task output parameters equal kfp.local's", .enabled(if: TestEnvironment.corpus != nil && TestEnvironment.oraclePython != nil, "kfp.local differential skipped (no corpus or no oracle Python)"))
    func matchesKFPLocal() async throws {
        let corpus = try #require(TestEnvironment.corpus)
        let valid = corpus.appendingPathComponent("pipelines/valid")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-differential-\(UUID().uuidString)")
        // KFP_DIFFERENTIAL_KEEP=1 keeps both runners' folders (and kfp.local's logs) for a look.
        let keep = ProcessInfo.processInfo.environment["KFP_DIFFERENTIAL_KEEP"].map { !$0.isEmpty } ?? false
        defer {
            if keep { print("kfp.local differential: kept \(scratch.path)") } else { try? FileManager.default.removeItem(at: scratch) }
        }
        let cases = OracleCases.all.filter { FileManager.default.fileExists(atPath: valid.appendingPathComponent($0.file + ".yaml").path) }
        for item in OracleCases.all where !cases.contains(where: { $0.file == item.file }) {
            print("kfp.local differential: \(item.file) is in the case table but not in the corpus")
        }

        // kfp.local runs in one Python process in the background while our runner goes through the
        // same pipelines (the machine has 2 cores; the two sides take about the same time).
        let jobs: [JSONValue] = cases.map { item in
            let folder = scratch.appendingPathComponent("oracle/\(item.slug)").path
            return .object([
                "id": .string(item.file), "file": .string(valid.appendingPathComponent(item.file + ".yaml").path),
                "arguments": .object(item.arguments(folder: folder)), "folder": .string(folder),
            ])
        }
        let oracleOutput = scratch.appendingPathComponent("oracle.json")
        let oracleErrors = scratch.appendingPathComponent("oracle.stderr")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let oracle = Task {
            try await TestEnvironment.runOracle(
                script: "kfp_local_run.py", arguments: ["--batch"], stdin: Data(JSONValue.array(jobs).compactJSON().utf8),
                output: oracleOutput, errors: oracleErrors)
        }
        var ours: [String: Result<LocalRun, any Error>] = [:]
        var stuck: String?
        for item in cases {
            // After a run that did not finish, later runs would likely hang too: stop there.
            if let stuck {
                ours[item.file] = .failure(NotRun(reason: "not run: the run of \(stuck) did not finish"))
                continue
            }
            let result = await Self.runOurs(item, valid: valid, scratch: scratch)
            if case .failure(let error) = result, error is TimedOut { stuck = item.file }
            ours[item.file] = result
        }
        do {
            try await oracle.value
        } catch {
            let log = (try? String(contentsOf: oracleErrors, encoding: .utf8)) ?? ""
            Issue.record("the kfp.local oracle failed: \(error)\n\(log.suffix(4000))")
            return
        }
        let oracleResults = try JSONDecoder().decode([String: JSONValue].self, from: Data(contentsOf: oracleOutput))

        var passed = 0
        for item in cases {
            let spec = try SpecLoader(file: item.file).loadPipelineSpec(
                String(contentsOf: valid.appendingPathComponent(item.file + ".yaml"), encoding: .utf8))
            guard let theirs = oracleResults[item.file].map(OracleResult.init) else {
                Issue.record("\(item.file): the oracle printed no result")
                continue
            }
            let comparison: Comparison
            switch ours[item.file] {
            case .success(let run)?:
                comparison = Comparison(item: item, spec: spec, ours: run, theirs: theirs)
            case .failure(let error)?:
                comparison = Comparison(failure: "our runner could not run it: \(error)")
            case nil:
                comparison = Comparison(failure: "our runner was not run")
            }
            for note in comparison.notes { print("  \(item.file): \(note)") }
            if comparison.mismatches.isEmpty {
                passed += 1
            } else {
                for mismatch in comparison.mismatches {
                    Issue.record("\(item.file): \(mismatch)")
                }
            }
        }
        let tried = Set(cases.map(\.file))
        for file in TestEnvironment.corpusFiles("pipelines/valid") {
            let name = String(file.path.dropFirst(valid.path.count + 1).dropLast(file.pathExtension.count + 1))
            guard !tried.contains(name) else { continue }
            print("kfp.local differential: skipped \(name): \(OracleCases.skipReason(name, file: file))")
        }
        print("kfp.local differential: \(passed) passed out of \(cases.count) tried")
    }

    /// Runs one case with our runner (caching off, a fresh pipeline root), at most 180 s.
    static func runOurs(_ item: OracleCase, valid: URL, scratch: URL) async -> Result<LocalRun, any Error> {
        do {
            let text = try String(contentsOf: valid.appendingPathComponent(item.file + ".yaml"), encoding: .utf8)
            let spec = try SpecLoader(file: item.file).loadPipelineSpec(text)
            let folder = scratch.appendingPathComponent("ours/\(item.slug)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let runner = LocalRunner(options: LocalRunnerOptions(
                pipelineRoot: folder.appendingPathComponent("root"), maxParallel: 2, cachingEnabled: false))
            let arguments = item.arguments(folder: folder.path)
            return .success(try await Self.withTimeout(seconds: 180) { try await runner.run(spec, arguments: arguments) })
        } catch {
            return .failure(error)
        }
    }

    /// `body`'s result, or ``TimedOut`` after `seconds`; a body that ignores cancellation is left
    /// behind rather than waited for, so one stuck run cannot hang the whole test.
    static func withTimeout<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let gate = ResumeOnce<T>()
        return try await withCheckedThrowingContinuation { continuation in
            gate.set(continuation)
            let work = Task {
                do { gate.resume(with: .success(try await body())) } catch { gate.resume(with: .failure(error)) }
            }
            Task {
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
                if gate.resume(with: .failure(TimedOut())) { work.cancel() }
            }
        }
    }

    /// Resumes a continuation exactly once, from whichever side gets there first.
    final class ResumeOnce<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<T, any Error>?
        private var pending: Result<T, any Error>?

        func set(_ continuation: CheckedContinuation<T, any Error>) {
            lock.lock()
            defer { lock.unlock() }
            if let pending {
                continuation.resume(with: pending)
            } else {
                self.continuation = continuation
            }
        }

        /// `true` when this call resumed the continuation (it was the first).
        @discardableResult
        func resume(with result: Result<T, any Error>) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            guard pending == nil else { return false }
            pending = result
            continuation?.resume(with: result)
            continuation = nil
            return true
        }
    }

    struct NotRun: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    struct TimedOut: Error, CustomStringConvertible {
        var description: String { "did not finish within 180 s" }
    }
}

/// One corpus pipeline of the differential test and how to compare it.
struct OracleCase: Sendable {
    /// The path under `pipelines/valid/`, without `.yaml`.
    let file: String
    /// Root arguments; `{folder}` in a string stands for the side's own scratch folder.
    var arguments: [String: JSONValue] = [:]
    /// Why these arguments (for pipelines whose inputs have no default, or whose default is unusable).
    var argumentsReason: String?
    /// Set when values cannot match (random numbers, time): only which outputs exist, and their
    /// types, are compared.
    var valuesDiffer: String?
    /// Set when the two runs are expected to end differently (a kfp.local limitation, or a
    /// cluster behaviour we keep): our run must end `ourState` and kfp.local's `theirState` (`nil`:
    /// either), and only the outputs of tasks both report are compared.
    var runsDiffer: String?
    var ourState: TaskState = .succeeded
    var theirState: TaskState? = .failed
    /// kfp.local task folders (last path component) whose values are left out, with the reason
    /// (a value that holds a run-specific path, or that no two runners can agree on).
    var valueExclusions: [String: String] = [:]
    /// kfp.local task folders (last path component) of tasks that succeed only in our runner, with the reason.
    var onlyOurs: [String: String] = [:]
    /// Where kfp.local's value is wrong: our task path, the outputs the IR gives, and the reason.
    /// Our task's outputs are compared with these instead.
    var corrections: [String: Correction] = [:]

    struct Correction: Sendable {
        var outputs: [String: JSONValue]
        var reason: String
    }

    var slug: String { file.replacingOccurrences(of: "/", with: "_") }

    func arguments(folder: String) -> [String: JSONValue] {
        arguments.mapValues { value in
            if case .string(let text) = value { return .string(text.replacingOccurrences(of: "{folder}", with: folder)) }
            return value
        }
    }
}

/// kfp.local's result for one pipeline, as `kfp_local_run.py` prints it.
struct OracleResult {
    var error: String?
    var outputs: [String: JSONValue]
    /// The names of the pipeline's output artifacts.
    var artifacts: [String]
    /// Output parameters by task folder (relative to the run folder).
    var tasks: [String: [String: JSONValue]]
    /// Task folders whose parameter files disagree with executor_output.json (kfp.local lets the
    /// file win; the cluster and we let executor_output.json win).
    var conflicts: [String: [String: JSONValue]]

    init(_ value: JSONValue) {
        let object = value.objectValue ?? [:]
        error = object["error"]?.stringValue
        outputs = object["outputs"]?.objectValue?["parameters"]?.objectValue ?? [:]
        artifacts = object["outputs"]?.objectValue?["artifacts"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var tasks: [String: [String: JSONValue]] = [:]
        var conflicts: [String: [String: JSONValue]] = [:]
        for (folder, entry) in object["tasks"]?.objectValue ?? [:] {
            tasks[folder] = entry.objectValue?["parameters"]?.objectValue ?? [:]
            if let conflict = entry.objectValue?["conflicts"]?.objectValue { conflicts[folder] = conflict }
        }
        self.tasks = tasks
        self.conflicts = conflicts
    }
}

/// kfp.local's task folder for one of our task paths (see ``LocalOracleTests``), or `nil` for DAG
/// tasks, loops and importers (kfp.local writes no executor output for those).
enum KFPLocalFolder {
    static func folder(of path: String, in spec: PipelineSpec) -> String? {
        var components = path.split(separator: "/").map(String.init)[...]
        var dag = spec.root.dag
        var prefix: [String] = []
        while let name = components.popFirst() {
            guard let task = dag?.tasks?[name], let component = spec.component(named: task.componentRef.name) else { return nil }
            if task.parameterIterator != nil || task.artifactIterator != nil {
                guard let index = components.popFirst() else { return nil }
                prefix.append("\(name)-iteration-\(index)")
                dag = component.dag
                continue
            }
            if let inner = component.dag {
                dag = inner
                continue
            }
            guard components.isEmpty, let label = component.executorLabel,
                spec.executor(labeled: label)?.container != nil
            else { return nil }
            return (prefix + [String(task.componentRef.name.dropFirst("comp-".count))]).joined(separator: "/")
        }
        return nil
    }
}

/// The comparison of one pipeline: mismatches fail the test; notes say what was left out and why.
struct Comparison {
    var mismatches: [String] = []
    var notes: [String] = []

    init(failure: String) {
        mismatches = [failure]
    }

    init(item: OracleCase, spec: PipelineSpec, ours: LocalRun, theirs: OracleResult) {
        let exact = item.valuesDiffer == nil
        if let reason = item.valuesDiffer { notes.append("values not compared (\(reason)); outputs and types are") }

        // Run state.
        let theirState: TaskState = theirs.error == nil ? .succeeded : .failed
        if let reason = item.runsDiffer {
            notes.append("runs end differently (\(reason))" + (theirs.error.map { ": kfp.local: \($0)" } ?? ""))
            if ours.state != item.ourState {
                mismatches.append("expected our run to end \(item.ourState.rawValue), it ended \(ours.state.rawValue)\(Self.failures(ours))")
            }
            if let expected = item.theirState, theirState != expected {
                mismatches.append("expected kfp.local's run to end \(expected.rawValue), it ended \(theirState.rawValue); update the case table")
            }
        } else {
            if ours.state != theirState {
                mismatches.append("our run ended \(ours.state.rawValue), kfp.local's \(theirState.rawValue)"
                    + (theirs.error.map { " (\($0))" } ?? "") + Self.failures(ours))
            }
            // Pipeline outputs (kfp.local returns none when it fails).
            if theirs.error == nil {
                compare("pipeline outputs", ours.outputs.parameters, theirs.outputs, exact: exact)
                if Set(ours.outputs.artifacts.keys) != Set(theirs.artifacts) {
                    mismatches.append("pipeline output artifacts: ours are \(ours.outputs.artifacts.keys.sorted()), kfp.local's \(theirs.artifacts.sorted())")
                }
            }
        }

        // Task outputs, matched by kfp.local's folder.
        var ourFolders: [String: [String]] = [:]
        for (path, record) in ours.tasks where record.state == .succeeded {
            if let folder = KFPLocalFolder.folder(of: path, in: spec) { ourFolders[folder, default: []].append(path) }
        }
        for (folder, paths) in ourFolders where paths.count > 1 {
            notes.append("task folder \(folder) is ambiguous (\(paths.sorted().joined(separator: ", "))); not compared")
            ourFolders[folder] = nil
        }
        var compared = 0
        for folder in Set(ourFolders.keys).union(theirs.tasks.keys).sorted() {
            let name = folder.split(separator: "/").last.map(String.init) ?? folder
            guard let path = ourFolders[folder]?.first, let theirOutputs = theirs.tasks[folder] else {
                if let path = ourFolders[folder]?.first, let reason = item.onlyOurs[name] {
                    notes.append("task \(path) succeeds only in our runner (\(reason))")
                } else if exact && item.runsDiffer == nil {
                    // Which tasks ran must agree when values can (random branches may differ).
                    let side = ourFolders[folder] != nil ? "only our runner" : "only kfp.local"
                    mismatches.append("task \(ourFolders[folder]?.first ?? folder) succeeded in \(side)")
                }
                continue
            }
            let ourOutputs = ours.tasks[path]?.outputs.parameters ?? [:]
            // Where kfp.local let a parameter file override executor_output.json, compare with the
            // executor-output value: the cluster's precedence, which we keep.
            var expected = theirOutputs
            if let conflict = theirs.conflicts[folder] {
                notes.append("task \(path): kfp.local let parameter files override executor_output.json for \(conflict.keys.sorted()); compared with executor_output.json, as the cluster reads it")
                expected.merge(conflict) { _, executorOutput in executorOutput }
            }
            if let correction = item.corrections[path] {
                notes.append("task \(path): compared with the IR's value, not kfp.local's \(JSONValue.object(expected).compactJSON()) (\(correction.reason))")
                compare("task \(path) outputs", ourOutputs, correction.outputs, exact: true)
            } else if let reason = item.valueExclusions[name] {
                notes.append("task \(path): values not compared (\(reason))")
                compare("task \(path) outputs", ourOutputs, expected, exact: false)
            } else {
                compare("task \(path) outputs", ourOutputs, expected, exact: exact)
            }
            compared += 1
        }
        for path in item.corrections.keys where ours.tasks[path] == nil {
            mismatches.append("task \(path) (in the case table's corrections) did not run in our runner")
        }
        notes.append("compared \(compared) task(s)")
    }

    private mutating func compare(_ what: String, _ ours: [String: JSONValue], _ theirs: [String: JSONValue], exact: Bool) {
        guard Set(ours.keys) == Set(theirs.keys) else {
            mismatches.append("\(what): ours are \(ours.keys.sorted()), expected \(theirs.keys.sorted())")
            return
        }
        for (name, value) in ours.sorted(by: { $0.key < $1.key }) {
            guard let other = theirs[name] else { continue }
            if exact ? !value.isEquivalent(to: other) : Self.kind(value) != Self.kind(other) {
                mismatches.append("\(what)['\(name)']: ours \(value.compactJSON()), expected \(other.compactJSON())")
            }
        }
    }

    /// The type of a value, numbers as one kind (protobuf has a single number type).
    private static func kind(_ value: JSONValue) -> String {
        value.numericValue != nil ? "number" : value.kindName
    }

    private static func failures(_ run: LocalRun) -> String {
        let failed = run.tasks.filter { $0.value.state == .failed }.sorted { $0.key < $1.key }
        guard !failed.isEmpty else { return "" }
        return "; failed: " + failed.map { "\($0.key): \(($0.value.message ?? "").prefix(600))" }.joined(separator: "; ")
    }
}
