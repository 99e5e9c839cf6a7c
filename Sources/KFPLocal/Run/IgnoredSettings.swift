import KFPSpec

/// Kubernetes-only settings the local runner does not apply, named once per run. With a container
/// launcher, CPU and memory limits and accelerators (on a host with a GPU) are applied, so they
/// are not named; an accelerator on a host without one is named with the reason. A remote launcher
/// applies every resource (requests and limits, accelerators) and the task timeout
/// (`activeDeadlineSeconds`).
enum IgnoredSettings {
    static let appliedInContainers: Set<String> = [
        "cpuLimit", "memoryLimit", "resourceCpuLimit", "resourceMemoryLimit",
    ]

    static func names(in spec: PipelineSpec, containers: ContainerLauncher? = nil, remote: Bool = false) -> [String] {
        var names: Set<String> = []
        for (label, executor) in spec.deploymentSpec?.executors ?? [:] where !remote {
            guard let resources = executor.container?.resources else { continue }
            let tree = (try? SpecWriter().tree(of: resources).objectValue) ?? [:]
            for key in tree.keys {
                guard let containers else {
                    names.insert("\(label): resources.\(key)")
                    continue
                }
                if appliedInContainers.contains(key) { continue }
                if key == "accelerator" {
                    if !containers.hostHasGPU { names.insert("\(label): resources.accelerator (this host has no GPU)") }
                    continue
                }
                names.insert("\(label): resources.\(key)")
            }
        }
        if let platforms = spec.platformSpec?.objectValue?["platforms"]?.objectValue {
            for (platform, config) in platforms {
                for (label, executor) in config.objectValue?["deploymentSpec"]?.objectValue?["executors"]?.objectValue ?? [:] {
                    for key in executor.objectValue?.keys ?? [:].keys {
                        if remote, platform == "kubernetes", key == "activeDeadlineSeconds" { continue }
                        names.insert("\(label): \(platform).\(key)")
                    }
                }
                for key in config.objectValue?["pipelineConfig"]?.objectValue?.keys ?? [:].keys where key != "workspace" {
                    names.insert("pipeline: \(platform).pipelineConfig.\(key)")
                }
            }
        }
        return names.sorted()
    }
}
