import Foundation
import KFPSpec

/// One output artifact of a run as the compare page, the runs list's metric columns and the
/// artifacts pages read it: the task that produced it, its KFP type and its metadata.
package struct RunArtifact: Sendable {
    /// The artifact's id on this server (the number `task_details` lists).
    package var id: String
    /// The task path (`train`, `for-loop-2/0/train`).
    package var taskPath: String
    /// The output name (`metrics`).
    package var name: String
    package var uri: String
    /// The KFP type (`system.Metrics`), from the component's output definition.
    package var schemaTitle: String
    /// The metadata the task wrote (`executor_output.json`).
    package var metadata: [String: JSONValue]
    /// The local file or folder, when it is on this machine.
    package var file: URL?

    package init(
        id: String, taskPath: String, name: String, uri: String, schemaTitle: String, metadata: [String: JSONValue], file: URL?
    ) {
        self.id = id
        self.taskPath = taskPath
        self.name = name
        self.uri = uri
        self.schemaTitle = schemaTitle
        self.metadata = metadata
        self.file = file
    }

    /// `task/output` (how pages label an artifact of a run).
    package var label: String { "\(taskPath)/\(name)" }
}
