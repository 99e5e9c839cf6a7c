import Foundation
import KFP
import KFPSpec

/// A task's executor as KFP writes it (`build_container_spec_for_task`,
/// `build_importer_spec_for_task`): the component's container with the task's image, env and
/// resource options applied, or the importer.
enum ExecutorLowering {
    static func container(_ base: ContainerSpec, options: TaskOptions) -> ContainerSpec {
        var container = base
        if let image = options.image { container.image = image }
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
        if let resources = resources(options) { container.resources = resources }
        return container
    }

    /// KFP 2.x writes each quantity twice: the string as given (`resourceCpuLimit: "500m"`) and
    /// the number (`cpuLimit: 0.5` cores, `memoryLimit: 4.0` GB).
    static func resources(_ options: TaskOptions) -> ResourceSpec? {
        var spec = ResourceSpec()
        var any = false
        if let value = options.cpuLimit {
            spec.cpuLimit = cpu(value)
            spec.resourceCpuLimit = value
            any = true
        }
        if let value = options.cpuRequest {
            spec.cpuRequest = cpu(value)
            spec.resourceCpuRequest = value
            any = true
        }
        if let value = options.memoryLimit {
            spec.memoryLimit = memory(value)
            spec.resourceMemoryLimit = value
            any = true
        }
        if let value = options.memoryRequest {
            spec.memoryRequest = memory(value)
            spec.resourceMemoryRequest = value
            any = true
        }
        if let count = options.acceleratorLimit {
            var accelerator = AcceleratorConfig()
            accelerator.count = count
            accelerator.resourceCount = count
            accelerator.type = options.acceleratorType
            accelerator.resourceType = options.acceleratorType
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
        if case .constant(let value)? = uri, let text = value.stringValue, ChannelPatterns.patterns(in: text).isEmpty {
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
