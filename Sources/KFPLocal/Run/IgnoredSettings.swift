import KFPSpec

/// Kubernetes-only settings the local runner does not apply, named once per run.
enum IgnoredSettings {
    static func names(in spec: PipelineSpec) -> [String] {
        var names: Set<String> = []
        for (label, executor) in spec.deploymentSpec?.executors ?? [:] {
            guard let resources = executor.container?.resources else { continue }
            let tree = (try? SpecWriter().tree(of: resources).objectValue) ?? [:]
            for key in tree.keys { names.insert("\(label): resources.\(key)") }
        }
        if let platforms = spec.platformSpec?.objectValue?["platforms"]?.objectValue {
            for (platform, config) in platforms {
                for (label, executor) in config.objectValue?["deploymentSpec"]?.objectValue?["executors"]?.objectValue ?? [:] {
                    for key in executor.objectValue?.keys ?? [:].keys {
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
