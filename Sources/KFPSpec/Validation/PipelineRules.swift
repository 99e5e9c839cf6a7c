/// Rules for a ``PipelineSpec``: name, components, executors, definitions, and every DAG.
struct PipelineRules {
    let spec: PipelineSpec

    func check(into report: inout ValidationReport) {
        let name = spec.pipelineInfo.name
        if name.isEmpty {
            report.add("required field 'name' is missing or empty", at: SpecPath("pipelineInfo", "name"))
        } else if !NameRules.isValidPipelineName(name) {
            report.add(
                "invalid pipeline name '\(name)': expected lowercase letters, digits and '-', starting with a letter or digit, at most 128 characters (KFP's rule ^[a-z0-9][a-z0-9-]{0,127}$)",
                at: SpecPath("pipelineInfo", "name"))
        }
        for (label, executor) in (spec.deploymentSpec?.executors ?? [:]).sorted(by: { $0.key < $1.key }) {
            checkExecutor(executor, at: SpecPath("deploymentSpec", "executors", label), into: &report)
        }
        for (name, component) in (spec.components ?? [:]).sorted(by: { $0.key < $1.key }) {
            checkComponent(component, at: SpecPath("components", name), into: &report)
        }
        checkComponent(spec.root, at: SpecPath("root"), isRoot: true, into: &report)
    }

    private func checkComponent(
        _ component: ComponentSpec, at path: SpecPath, isRoot: Bool = false, into report: inout ValidationReport
    ) {
        DefinitionRules.check(component, at: path, into: &report)
        switch (component.dag, component.executorLabel) {
        case (nil, nil):
            report.add(
                isRoot ? "required field 'dag' is missing" : "a component needs 'executorLabel' or 'dag', found neither",
                at: path)
        case (.some, .some):
            report.add("a component has 'executorLabel' or 'dag', found both", at: path)
        case (nil, .some(let label)):
            if isRoot {
                report.add("the root component must be a DAG, found 'executorLabel'", at: path.appending("executorLabel"))
            } else if spec.executor(labeled: label) == nil {
                let labels = (spec.deploymentSpec?.executors ?? [:]).keys
                report.add(
                    "executor '\(label)' does not exist in deploymentSpec.executors\(NameRules.hint(for: label, in: labels))",
                    at: path.appending("executorLabel"))
            }
        case (.some(let dag), nil):
            DagRules(spec: spec, component: component, dag: dag, path: path.appending("dag")).check(into: &report)
        }
    }

    private func checkExecutor(_ executor: ExecutorSpec, at path: SpecPath, into report: inout ValidationReport) {
        let kinds = [
            executor.container.map { _ in "container" }, executor.importer.map { _ in "importer" },
            executor.resolver.map { _ in "resolver" }, executor.customJob.map { _ in "customJob" },
        ].compactMap { $0 }
        if kinds.isEmpty {
            report.add("an executor needs one of 'container', 'importer', 'resolver', 'customJob', found none", at: path)
        } else if kinds.count > 1 {
            report.add("an executor has exactly one kind, found \(kinds.joined(separator: " and "))", at: path)
        }
        if let importer = executor.importer {
            if importer.artifactUri == nil {
                report.add("required field 'artifactUri' is missing", at: path.appending("importer"))
            }
            if importer.typeSchema == nil {
                report.add("required field 'typeSchema' is missing", at: path.appending("importer"))
            }
        }
    }
}
