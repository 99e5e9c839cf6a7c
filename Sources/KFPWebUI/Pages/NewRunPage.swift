import Foundation
import KFPAPI
import KFPSpec

/// The "Create run" form (`/runs/new?pipeline_id=…&version_id=…&experiment_id=…&clone=…`): pick a
/// pipeline and version and an experiment, name the run, and fill one typed field per pipeline
/// parameter (`root.inputDefinitions.parameters`), defaults pre-filled. The page script checks
/// each field against its `parameterType` and sends `POST /apis/v2beta1/runs`.
package struct NewRunPage: WebPage {
    package struct Option: Sendable, Equatable {
        package let value: String
        package let label: String
        package let selected: Bool
    }

    /// One pipeline parameter's field.
    package struct Field: Sendable, Equatable {
        package let name: String
        /// The KFP parameter type (`STRING`, `NUMBER_INTEGER`, `NUMBER_DOUBLE`, `BOOLEAN`, `LIST`, `STRUCT`).
        package let type: String
        package let value: String
        package let description: String
        package let required: Bool
        /// Which input the field is (stored: templates read stored properties).
        package let isBoolean, isJSON, isNumber, isText, isTrue: Bool
        /// The keyboard a number field asks for: `numeric` for integers, `decimal` for doubles. Number
        /// fields are text inputs, so a wrong value reaches the check instead of becoming empty.
        package let inputMode: String

        init(name: String, type: String, value: String, description: String, required: Bool) {
            self.name = name
            self.type = type
            self.value = value
            self.description = description
            self.required = required
            isBoolean = type == "BOOLEAN"
            isJSON = type == "LIST" || type == "STRUCT"
            isNumber = type == "NUMBER_INTEGER" || type == "NUMBER_DOUBLE"
            isText = !isBoolean && !isJSON && !isNumber
            isTrue = value == "true"
            inputMode = type == "NUMBER_INTEGER" ? "numeric" : "decimal"
        }
    }

    package let pipelines: [Option]
    package let versions: [Option]
    package let experiments: [Option]
    package let pipelineID: String
    package let versionID: String
    /// The experiment chosen in the URL (kept when the pipeline changes); nil for the default.
    package let experimentID: String?
    package let runName: String
    package let description: String
    package let pipelineRoot: String
    package let fields: [Field]
    package let hasPipeline: Bool
    /// Set when cloning a run that was created from an inline spec: the form sends that run's
    /// `pipeline_spec` instead of a pipeline version.
    package let inlineSpecRunID: String?
    /// The form creates a recurring run (`/recurringruns/new`): it adds the trigger, maximum
    /// concurrency and catch-up fields and sends `POST /apis/v2beta1/recurringruns`.
    package var recurring = false
    package var template: String { "run-new" }
    package var title: String { recurring ? "Create recurring run" : "Create run" }
    package var section: WebSection { recurring ? .recurringRuns : .runs }

    /// - Parameters:
    ///   - spec: the selected version's spec (nil when no pipeline is chosen yet).
    ///   - values: parameter values that replace the defaults (a cloned run's `runtime_config`).
    package init(
        pipelines: [UploadedPipeline], pipelineID: String, versions: [PipelineVersion], versionID: String,
        experiments: [Experiment], experimentID: String, spec: PipelineSpec?, inlineSpecRunID: String? = nil, runName: String,
        description: String = "",
        pipelineRoot: String = "", values: [String: JSONValue] = [:]
    ) {
        self.pipelines = pipelines.map {
            Option(value: $0.pipelineID, label: $0.displayName.isEmpty ? $0.name : $0.displayName, selected: $0.pipelineID == pipelineID)
        }
        self.versions = versions.map {
            Option(value: $0.pipelineVersionID, label: $0.displayName.isEmpty ? $0.name : $0.displayName,
                   selected: $0.pipelineVersionID == versionID)
        }
        self.experiments = experiments.map {
            Option(value: $0.experimentID, label: $0.displayName, selected: $0.experimentID == experimentID)
        }
        self.pipelineID = pipelineID
        self.versionID = versionID
        self.experimentID = experimentID.isEmpty ? nil : experimentID
        self.runName = runName
        self.description = description
        self.pipelineRoot = pipelineRoot
        hasPipeline = spec != nil
        self.inlineSpecRunID = inlineSpecRunID
        fields = (spec?.root.inputDefinitions?.parameters ?? [:]).sorted { $0.key < $1.key }.map { name, definition in
            let type = definition.parameterType ?? .string
            let value = values[name] ?? definition.defaultValue
            return Field(
                name: name, type: type == .unspecified ? "STRING" : type.rawValue,
                value: value.map { DisplayFormat.value($0, type: type) } ?? "", description: definition.description ?? "",
                required: definition.defaultValue == nil && definition.isOptional != true)
        }
    }

}
