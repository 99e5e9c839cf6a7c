import Foundation
import KFPAPI
import KFPSpec

/// The side panel of one task on the run page, as KFP's RuntimeNodeDetails shows it: inputs and
/// outputs (parameter values, artifacts with a preview and a download link), the task's details
/// (id, state, times, duration, cache hit or miss, node and Slurm job, error, state history) and its log.
package struct TaskPanel: Sendable {
    package struct NameValue: Sendable, Equatable {
        package let name: String
        package let value: String
    }

    package struct Artifact: Sendable {
        package let name: String
        package let id: String
        package let uri: String
        package let typeTitle: String
        package let downloadURL: String?
        package let preview: PreviewView
    }

    package struct HistoryEntry: Sendable, Equatable {
        package let time: String
        package let state: String
        package let stateClass: String
    }

    /// What the server knows of the task beside its `task_details` entry.
    package struct Facts: Sendable {
        /// Its entry in the run's `task_details` (nil before it starts).
        package var detail: PipelineTaskDetail?
        package var path: String
        /// Whether its outputs came from the cache (nil before it ends).
        package var cached: Bool?
        /// `inputs.parameterValues` of its executor input.
        package var inputParameters: [String: JSONValue] = [:]
        /// Input artifact name → URIs, from its executor input.
        package var inputArtifacts: [String: [String]] = [:]
        package var outputParameters: [String: JSONValue] = [:]
        package var outputArtifacts: [OutputArtifact] = []
        /// The last part of its log (`log.txt`), or nil with ``logNote`` saying why.
        package var log: String?
        package var logTruncated = false
        package var logNote = ""

        package init(path: String, detail: PipelineTaskDetail?) {
            self.path = path
            self.detail = detail
        }
    }

    /// An output artifact as the artifacts table records it.
    package struct OutputArtifact: Sendable {
        package var id: String
        package var name: String
        package var uri: String
        /// The artifact type's schema title from the component's output definition (`system.Dataset`).
        package var schemaTitle: String
        package var metadata: [String: JSONValue]
        /// The local file or folder, when it is on this machine.
        package var file: URL?

        package init(id: String, name: String, uri: String, schemaTitle: String, metadata: [String: JSONValue], file: URL?) {
            self.id = id
            self.name = name
            self.uri = uri
            self.schemaTitle = schemaTitle
            self.metadata = metadata
            self.file = file
        }
    }

    package let path: String
    package let name: String
    package let taskID: String
    package let state: String
    package let stateClass: String
    package let createdAt: String
    package let startedAt: String
    package let finishedAt: String
    package let duration: String
    package let cache: String
    /// With the Slurm launcher: the node the task ran on (the detail's `pod_name`) and its job id
    /// (`executor_detail.main_job`).
    package let node: String?
    package let slurmJob: String?
    package let errorMessage: String?
    package let inputParameters: [NameValue]
    package let inputArtifacts: [NameValue]
    package let outputParameters: [NameValue]
    package let outputArtifacts: [Artifact]
    package let history: [HistoryEntry]
    package let log: String?
    package let logTruncated: Bool
    package let logNote: String
    package let closeURL: String
    package let logURL: String?

    /// - Parameters:
    ///   - runID: the run the task belongs to (for links).
    ///   - closeURL: where "close" goes (the layer without a selected task).
    package init(_ facts: Facts, runID: String, closeURL: String, previewer: ArtifactPreviewer, now: Date = Date()) {
        let detail = facts.detail
        let runState = detail?.state ?? .unspecified
        path = facts.path
        name = facts.path.split(separator: "/").last.map(String.init) ?? facts.path
        taskID = detail?.taskID ?? ""
        state = detail == nil ? "NOT STARTED" : DisplayFormat.stateLabel(runState)
        stateClass = DisplayFormat.stateClass(runState)
        createdAt = DisplayFormat.date(detail?.createTime)
        startedAt = DisplayFormat.date(detail?.startTime)
        finishedAt = DisplayFormat.date(detail?.endTime)
        duration = DisplayFormat.duration(from: detail?.startTime, to: detail?.endTime, now: runState.isTerminal ? nil : now)
        switch facts.cached {
        case true?: cache = "hit: outputs reused from an earlier run"
        case false?: cache = runState == .skipped ? "-" : "miss: the task ran"
        case nil: cache = "-"
        }
        node = detail.flatMap { $0.podName.isEmpty ? nil : $0.podName }
        slurmJob = detail?.executorDetail.flatMap { $0.mainJob.isEmpty ? nil : $0.mainJob }
        errorMessage = detail?.error.map(\.message).flatMap { $0.isEmpty ? nil : $0 }
        inputParameters = Self.rows(facts.inputParameters)
        inputArtifacts = facts.inputArtifacts.sorted { $0.key < $1.key }
            .map { NameValue(name: $0.key, value: $0.value.joined(separator: "\n")) }
        outputParameters = Self.rows(facts.outputParameters)
        let base = "/ui/runs/\(PageLink.escape(runID))/artifacts/"
        outputArtifacts = facts.outputArtifacts.map { artifact in
            Artifact(
                name: artifact.name, id: artifact.id, uri: artifact.uri, typeTitle: artifact.schemaTitle,
                downloadURL: artifact.file == nil ? nil : base + PageLink.escape(artifact.id),
                preview: PreviewView(previewer.preview(schemaTitle: artifact.schemaTitle, metadata: artifact.metadata, file: artifact.file)))
        }
        history = (detail?.stateHistory ?? []).map {
            HistoryEntry(time: DisplayFormat.date($0.updateTime), state: DisplayFormat.stateLabel($0.state), stateClass: DisplayFormat.stateClass($0.state))
        }
        log = facts.log
        logTruncated = facts.logTruncated
        logNote = facts.logNote
        self.closeURL = closeURL
        logURL = detail.map { "/apis/v1alpha1/runs/\(PageLink.escape(runID))/nodes/\(PageLink.escape($0.taskID))/log" }
    }

    private static func rows(_ values: [String: JSONValue]) -> [NameValue] {
        values.sorted { $0.key < $1.key }.map { NameValue(name: $0.key, value: DisplayFormat.value($0.value)) }
    }
}
