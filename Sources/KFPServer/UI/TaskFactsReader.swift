import Foundation
import KFPAPI
import KFPSpec
import KFPWebUI

extension WebUIPages {
    /// The bytes of a task's log the panel shows (its end).
    static let logTailBytes = 64 * 1024

    /// What the task panel shows for the task at `path`: its `task_details` entry, its stored
    /// outputs, the inputs of its executor input and the end of its log.
    func taskFacts(run: Run, path: String, spec: PipelineSpec) throws -> TaskPanel.Facts {
        let detail = run.runDetails?.taskDetails.first { $0.displayName == path }
        var facts = TaskPanel.Facts(path: path, detail: detail)
        guard TaskComponentLookup.component(of: path, in: spec) != nil else {
            throw APIError.notFound("no task '\(path)' in the pipeline of run \(run.runID)")
        }
        guard let stored = try store.taskFacts(runID: run.runID, path: path) else {
            facts.logNote = "The task has not started."
            return facts
        }
        facts.cached = stored.state.isTerminal ? stored.cached : nil
        facts.outputParameters = stored.outputParameters
        let runRoot = try? store.runRoot(run.runID)
        facts.outputArtifacts = stored.artifacts.map { artifact in
            // A cached task's artifact lies in the folder of the run that produced it.
            let file = artifact.path.isEmpty ? nil : (try? store.artifact(runID: run.runID, id: artifact.id)).flatMap { try? store.servedFile(of: $0) }
            return TaskPanel.OutputArtifact(
                id: artifact.id, name: artifact.name, uri: artifact.uri,
                schemaTitle: TaskComponentLookup.outputArtifactType(artifact.name, of: path, in: spec),
                metadata: artifact.metadata, file: file)
        }
        // A running task's folder is recorded when it ends; until then it is its path under the run's folder.
        let root = stored.taskRoot.isEmpty && !stored.state.isTerminal
            ? runRoot.map { path.split(separator: "/").reduce($0) { $0.appendingPathComponent(String($1), isDirectory: true) } }
            : (stored.taskRoot.isEmpty ? nil : URL(fileURLWithPath: stored.taskRoot, isDirectory: true))
        guard let root, let runRoot, let folder = try? FileRoutes.contained(root, in: runRoot),
              FileManager.default.fileExists(atPath: folder.path)
        else {
            facts.logNote = stored.cached ? "The task's outputs came from the cache; it did not run, so it has no log."
                : stored.state.isTerminal ? "The task has no folder (it did not run a program)." : "The task has no log yet."
            return facts
        }
        // A task can replace its own files with symbolic links: nothing outside the run's folder is read.
        if let inputs = try? FileRoutes.contained(folder.appendingPathComponent("executor_input.json"), in: runRoot) {
            readInputs(inputs, into: &facts)
        }
        guard let log = try? FileRoutes.contained(folder.appendingPathComponent("log.txt"), in: runRoot) else {
            facts.logNote = "The task's log.txt is a link to a file outside the run's folder; it is not shown."
            return facts
        }
        readLog(log, into: &facts)
        return facts
    }

    /// `inputs.parameterValues` and the input artifacts' URIs of an executor input file.
    private func readInputs(_ file: URL, into facts: inout TaskPanel.Facts) {
        guard let data = FileManager.default.contents(atPath: file.path),
              let input = try? JSONDecoder().decode(JSONValue.self, from: data).objectValue?["inputs"]?.objectValue
        else { return }
        facts.inputParameters = input["parameterValues"]?.objectValue ?? [:]
        for (name, list) in input["artifacts"]?.objectValue ?? [:] {
            let uris = (list.objectValue?["artifacts"]?.arrayValue ?? []).compactMap { $0.objectValue?["uri"]?.stringValue }
            facts.inputArtifacts[name] = uris
        }
    }

    /// The last ``logTailBytes`` of the log, starting at a line.
    private func readLog(_ file: URL, into facts: inout TaskPanel.Facts) {
        guard let handle = try? FileHandle(forReadingFrom: file) else {
            facts.logNote = "The task has no log yet."
            return
        }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let start = size > UInt64(Self.logTailBytes) ? size - UInt64(Self.logTailBytes) : 0
        try? handle.seek(toOffset: start)
        var data = (try? handle.readToEnd()) ?? Data()
        if start > 0, let newline = data.firstIndex(of: 0x0A) { data = data[data.index(after: newline)...] }
        facts.log = String(decoding: data, as: UTF8.self)
        facts.logTruncated = start > 0
        if facts.log?.isEmpty == true {
            facts.log = nil
            facts.logNote = "The log is empty."
        }
    }
}
