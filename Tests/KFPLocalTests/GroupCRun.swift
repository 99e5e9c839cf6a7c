import Foundation
import KFPLocal
import KFPSpec

/// A finished group C run, with accessors for what the checks compare.
struct GroupCRun: Sendable {
    let run: LocalRun
    /// The second run, for cases with ``GroupCCase/rerunWithCache``.
    let rerun: LocalRun?
    /// The pipeline root (absolute, standardized).
    let root: URL
    /// Seconds the run took.
    let seconds: Double

    /// `<root>/<pipeline>/<run id>/<task path>`, the documented task folder.
    func taskFolder(_ path: String) -> String {
        root.appendingPathComponent(run.pipelineName).appendingPathComponent(run.runID).appendingPathComponent(path).path
    }

    func state(_ path: String) -> TaskState? { run.tasks[path]?.state }

    func parameter(_ path: String, _ name: String) -> JSONValue? { run.tasks[path]?.outputs.parameters[name] }

    func artifact(_ path: String, _ name: String, _ index: Int = 0) -> RuntimeArtifact? {
        guard let list = run.tasks[path]?.outputs.artifacts[name], index < list.count else { return nil }
        return list[index]
    }

    /// The text of a file, or `nil` when it does not exist.
    func text(atPath path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The content of the file an artifact's URI names.
    func content(of artifact: RuntimeArtifact?) -> String? {
        artifact.flatMap { text(atPath: $0.uri) }
    }

    /// Everything the task's program wrote to stdout and stderr.
    func log(_ path: String) -> String? { text(atPath: taskFolder(path) + "/log.txt") }

    /// The lines a lightweight Python component printed: the log between the executor's echo of
    /// its input (a JSON block ending with `}` alone on a line) and its closing `Wrote executor output` line.
    func pythonOutput(_ path: String) -> [String]? {
        guard let log = log(path) else { return nil }
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let echo = lines.firstIndex(where: { $0.hasPrefix("[KFP Executor") && $0.contains("Got executor_input:") }),
            let end = lines[echo...].firstIndex(of: "}")
        else { return nil }
        let rest = lines[(end + 1)...]
        let stop = rest.firstIndex { $0.hasPrefix("[KFP Executor") } ?? rest.endIndex
        return Array(rest[..<stop])
    }

    /// The argv a stub program recorded (one argument per line in `argv.txt` in the task folder).
    func argv(_ path: String) -> [String]? {
        text(atPath: taskFolder(path) + "/argv.txt").map { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
        }
    }
}

/// Counts group C cases as they finish and prints the tally after the last one.
actor GroupCTally {
    static let shared = GroupCTally()
    private var tried = 0
    private var passed = 0

    func record(passed ok: Bool, total: Int) {
        tried += 1
        if ok { passed += 1 }
        if tried == total { print("group C: \(passed) passed of \(tried) tried") }
    }
}
