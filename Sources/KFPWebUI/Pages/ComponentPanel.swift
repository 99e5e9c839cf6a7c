import KFPSpec

/// The side panel of a node on a pipeline's static graph (`/pipelines/{id}?node=train`), as KFP's
/// pipeline details show it: the task's component, its inputs and outputs with their types and
/// defaults, and its container's image, command, arguments and environment.
package struct ComponentPanel: Sendable {
    package struct Row: Sendable, Equatable {
        package let name: String
        package let value: String
    }

    /// The task path (`for-loop-2/train`) and its component's name (`comp-train`).
    package let path: String
    package let name: String
    package let componentName: String
    package let inputs: [Row]
    package let outputs: [Row]
    /// The container image, command and arguments (nil for importers and sub-DAGs).
    package let image: String?
    package let command: String?
    package let arguments: String?
    package let environment: [Row]
    package let closeURL: String

    /// - Returns: nil when `path` names no task of `spec`.
    package init?(spec: PipelineSpec, path: String, closeURL: String) {
        let segments = path.split(separator: "/").map(String.init)
        guard let component = TaskComponentLookup.component(of: path, in: spec), let name = segments.last else { return nil }
        var dag = spec.root.dag
        for segment in segments.dropLast() { dag = dag?.tasks?[segment].flatMap { spec.components?[$0.componentRef.name]?.dag } }
        self.path = path
        self.name = name
        componentName = dag?.tasks?[name]?.componentRef.name ?? ""
        let inputParameters = (component.inputDefinitions?.parameters ?? [:]).map { name, definition in
            Row(name: name, value: (definition.parameterType?.rawValue ?? "STRING")
                + (definition.defaultValue.map { " = " + DisplayFormat.value($0, type: definition.parameterType ?? .string) } ?? "")
                + (definition.isOptional == true && definition.defaultValue == nil ? " (optional)" : ""))
        }
        let inputArtifacts = (component.inputDefinitions?.artifacts ?? [:]).map {
            Row(name: $0.key, value: Self.artifactType($0.value.artifactType, list: $0.value.isArtifactList == true))
        }
        inputs = (inputParameters + inputArtifacts).sorted { $0.name < $1.name }
        let outputParameters = (component.outputDefinitions?.parameters ?? [:]).map {
            Row(name: $0.key, value: $0.value.parameterType?.rawValue ?? "STRING")
        }
        let outputArtifacts = (component.outputDefinitions?.artifacts ?? [:]).map {
            Row(name: $0.key, value: Self.artifactType($0.value.artifactType, list: $0.value.isArtifactList == true))
        }
        outputs = (outputParameters + outputArtifacts).sorted { $0.name < $1.name }
        let container = component.executorLabel.flatMap { spec.deploymentSpec?.executors?[$0]?.container }
        image = container?.image
        command = container?.command.map { $0.joined(separator: "\n") }
        arguments = container?.args.map { $0.joined(separator: "\n") }
        environment = (container?.env ?? []).map { Row(name: $0.name, value: $0.value ?? "") }
        self.closeURL = closeURL
    }

    private static func artifactType(_ type: ArtifactTypeSchema, list: Bool) -> String {
        let title = type.schemaTitle ?? "system.Artifact"
        return list ? "List[\(title)]" : title
    }
}
