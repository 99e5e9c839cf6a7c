import Foundation
import KFP
import KFPSpec

/// A task's executor as KFP writes it (`build_container_spec_for_task`,
/// `build_importer_spec_for_task`): the component's container with the task's image, env and
/// resource options applied, or the importer.
enum ExecutorLowering {
    static func container(_ base: ContainerSpec, task: TaskNode) -> ContainerSpec {
        var container = base
        if let image = task.optionTexts[.image] { container.image = image.rendered(placeholder) }
        let options = task.options
        if !options.environment.isEmpty {
            var env = container.env ?? []
            for variable in options.environment {
                if let index = env.firstIndex(where: { $0.name == variable.name }) {
                    env[index] = EnvironmentVariable(name: variable.name, value: variable.value)
                } else {
                    env.append(EnvironmentVariable(name: variable.name, value: variable.value))
                }
            }
            container.env = env
        }
        if let resources = resources(task.optionTexts) { container.resources = resources }
        return container
    }

    /// The options that hold a channel, which KFP adds as task inputs (`build_task_spec_for_task`):
    /// each such resource field under its `ResourceSpec` name (`cpu_limit`, ...,
    /// `accelerator_count`), and the image as `base_image`.
    static func channelOptions(_ task: TaskNode) -> [(field: TaskOptions.Field, text: ArgumentText)] {
        TaskOptions.Field.allCases.compactMap { field -> (field: TaskOptions.Field, text: ArgumentText)? in
            guard let text = task.optionTexts[field], !text.channels.isEmpty else { return nil }
            return (field, text)
        }
    }

    /// KFP's `convert_to_placeholder`: a channel becomes the placeholder of its injected input
    /// (`{{$.inputs.parameters['pipelinechannel--cpu_limit']}}`).
    static func placeholder(_ channel: Channel) -> String {
        RuntimePlaceholder.inputParameter(channel.injectedInputName).text
    }

    /// KFP 2.x writes each quantity twice: the string as given (`resourceCpuLimit: "500m"`) and
    /// the number (`cpuLimit: 0.5` cores, `memoryLimit: 4.0` GB); a quantity holding a channel only
    /// as the string, with the channel's placeholder. An accelerator type without a count counts
    /// one accelerator (`set_accelerator_type`).
    static func resources(_ texts: [TaskOptions.Field: ArgumentText]) -> ResourceSpec? {
        var spec = ResourceSpec()
        var any = false
        func quantity(_ field: TaskOptions.Field, _ number: (String) -> Double?) -> (number: Double?, text: String)? {
            guard let value = texts[field] else { return nil }
            any = true
            return (value.constant.flatMap(number), value.rendered(placeholder))
        }
        if let (number, text) = quantity(.cpuRequest, cpu) {
            spec.cpuRequest = number
            spec.resourceCpuRequest = text
        }
        if let (number, text) = quantity(.cpuLimit, cpu) {
            spec.cpuLimit = number
            spec.resourceCpuLimit = text
        }
        if let (number, text) = quantity(.memoryRequest, memory) {
            spec.memoryRequest = number
            spec.resourceMemoryRequest = text
        }
        if let (number, text) = quantity(.memoryLimit, memory) {
            spec.memoryLimit = number
            spec.resourceMemoryLimit = text
        }
        if let count = texts[.acceleratorLimit] ?? (texts[.acceleratorType] == nil ? nil : ArgumentText(literal: "1")) {
            var accelerator = AcceleratorConfig()
            accelerator.count = count.constant.map { Int($0).map(String.init) ?? $0 }
            accelerator.resourceCount = count.rendered(placeholder)
            if let type = texts[.acceleratorType] {
                accelerator.type = type.constant
                accelerator.resourceType = type.rendered(placeholder)
            }
            spec.accelerator = accelerator
            any = true
        }
        return any ? spec : nil
    }

    /// Cores: `"500m"` is 0.5, `"2"` is 2.0; a placeholder stays unconverted (`nil`).
    static func cpu(_ text: String) -> Double? {
        if text.hasSuffix("m"), let milli = Double(text.dropLast()) { return milli / 1000 }
        return Double(text)
    }

    /// Gigabytes (10^9 bytes), as KFP's `_get_resource_number_from_string`: `"4G"` is 4.0, `"1Gi"`
    /// is 1.073741824, `"512Mi"` 0.536870912; a placeholder stays unconverted (`nil`).
    static func memory(_ text: String) -> Double? {
        let units: [(String, Double)] = [
            ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
            ("Pi", 1_125_899_906_842_624), ("Ei", 1_152_921_504_606_846_976),
            ("K", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18),
        ]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let number = Double(text.dropLast(suffix.count)) else { return nil }
            return number * factor / 1e9
        }
        return Double(text).map { $0 / 1e9 }
    }

    /// The importer executor: the URI is a constant, or the runtime parameter `uri` when it comes
    /// from a channel.
    static func importer(_ importer: Importer, uri: TaskArgument.Value?) -> ImporterSpec {
        let artifactURI: ValueOrRuntimeParameter
        if case .constant(let value)? = uri, let text = value.stringValue {
            artifactURI = ValueOrRuntimeParameter(constant: .string(text))
        } else {
            artifactURI = ValueOrRuntimeParameter(runtimeParameter: "uri")
        }
        var spec = ImporterSpec(artifactUri: artifactURI, typeSchema: importer.artifactType)
        spec.reimport = importer.reimport ? true : nil
        if let metadata = importer.metadata { spec.metadata = .object(metadata) }
        return spec
    }
}
