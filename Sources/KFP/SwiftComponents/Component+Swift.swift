import Foundation
public import KFPSpec

extension Component {
    /// The component a ``SwiftComponent`` type defines: a container component whose command is
    /// `[program, "execute"]` and whose arguments are
    /// `["--executor-input", "{{$}}", "--component", NAME]`, NAME being the component's
    /// Kubernetes-safe name (`train-model`).
    ///
    /// - Parameters:
    ///   - type: the component type.
    ///   - image: the image and the program's path in it; `nil` for the configuration's, else
    ///     ``ComponentConfiguration/defaultImage`` with this program's own path (for a subprocess
    ///     launcher, or until `PipelineTool`'s `--image` replaces it).
    /// - Throws: ``DefinitionError`` of kind ``DefinitionError/Kind/invalidComponent`` for each
    ///   mistake in the type's declarations (at the property's line) or its name (at this call).
    public init<Step: SwiftComponent>(
        swift type: Step.Type, image: ProgramImage? = nil, fileID: String = #fileID, line: Int = #line
    ) throws(DefinitionError) {
        let site = CallSite(fileID: fileID, line: line)
        let interface = try SwiftComponentInterface(of: Step())
        let name = Step.componentName
        let k8sName = KFPNames.k8sName(name)
        if k8sName.isEmpty {
            throw DefinitionError(.invalidName, "component name '\(name)' has no letters or digits to name tasks after", at: site)
        }
        let placement = image ?? Step.configuration.image
            ?? ProgramImage(image: ComponentConfiguration.defaultImage, programPath: SwiftComponentEntry.currentProgramPath)
        let container = ContainerSpec(
            image: placement.image, command: [placement.programPath, SwiftComponentEntry.command],
            args: ["--executor-input", RuntimePlaceholder.executorInput.text, "--component", k8sName])
        let spec = SingleComponentIR.make(
            name: k8sName, inputs: interface.inputDefinitions, outputs: interface.outputDefinitions,
            executor: ExecutorSpec(container: container), description: Step.configuration.description,
            sdkVersion: "swift-kfp-0.1.0")
        self.init(spec: spec, name: name)
        self.swiftEntry = SwiftComponentEntry(name: k8sName) { executorInput in
            try await SwiftComponentExecutor<Step>().execute(executorInput)
        }
    }
}

/// How a program runs one of its Swift components: the name its task arguments give, and the
/// step.
package struct SwiftComponentEntry: Sendable {
    /// The `--component` argument: the component's Kubernetes-safe name.
    package let name: String
    /// Runs the step on an executor input, writes `executor_output.json` and returns what it wrote.
    package let execute: @Sendable (ExecutorInput) async throws -> ExecutorOutput

    /// The subcommand of the program that runs a Swift component.
    package static let command = "execute"

    /// This program's absolute path (`/proc/self/exe` on Linux, the first argument made absolute
    /// elsewhere).
    package static var currentProgramPath: String {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        let first = CommandLine.arguments.first ?? ""
        return URL(fileURLWithPath: first, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }
}

extension Pipeline {
    /// The Swift components this pipeline's tasks run, nested pipelines included, by name.
    package var swiftComponentEntries: [String: SwiftComponentEntry] {
        var entries: [String: SwiftComponentEntry] = [:]
        for node in graph.tasks.values {
            switch node.component {
            case .component(let component):
                if let entry = component.swiftEntry { entries[entry.name] = entry }
            case .pipeline(let pipeline):
                entries.merge(pipeline.swiftComponentEntries) { first, _ in first }
            case .importer:
                break
            }
        }
        return entries
    }
}
