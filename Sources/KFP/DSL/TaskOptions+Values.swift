extension TaskOptions {
    /// An option that may hold a run-time value: a resource quantity or the image.
    package enum Field: String, Sendable, Hashable, CaseIterable {
        case cpuRequest, cpuLimit, memoryRequest, memoryLimit, acceleratorType, acceleratorLimit, image

        /// The name of the task input KFP gives the option when it holds a channel
        /// (`ResourceSpec` field names, and `base_image`).
        package var inputName: String {
            switch self {
            case .cpuRequest: return "cpu_request"
            case .cpuLimit: return "cpu_limit"
            case .memoryRequest: return "memory_request"
            case .memoryLimit: return "memory_limit"
            case .acceleratorType: return "accelerator_type"
            case .acceleratorLimit: return "accelerator_count"
            case .image: return "base_image"
            }
        }
    }

    /// The value of `field`, as written.
    package func value(of field: Field) -> String? {
        switch field {
        case .cpuRequest: return cpuRequest
        case .cpuLimit: return cpuLimit
        case .memoryRequest: return memoryRequest
        case .memoryLimit: return memoryLimit
        case .acceleratorType: return acceleratorType
        case .acceleratorLimit: return acceleratorLimit
        case .image: return image
        }
    }

    /// Every option that is set, as text with its run-time values read back as channels.
    /// Reports each option that interpolates more than one value (KFP accepts a single
    /// `PipelineChannel` per setter) or something that is not a value of this pipeline.
    func texts(in state: DefinitionState, taskName: String, at site: CallSite) -> [Field: ArgumentText] {
        var texts: [Field: ArgumentText] = [:]
        for field in Field.allCases {
            guard let value = value(of: field) else { continue }
            let patterns = ChannelPatterns.patterns(in: value)
            if patterns.count > 1 {
                state.report(
                    .topology, "option '\(field.rawValue)' of task '\(taskName)' interpolates \(patterns.count) values; it can hold one",
                    at: site)
            }
            texts[field] = state.text(value) { pattern in
                state.report(
                    .topology,
                    "option '\(field.rawValue)' of task '\(taskName)' interpolates \(pattern), which is not a value of this pipeline",
                    at: site)
            }
        }
        return texts
    }
}
