/// The parts of a single container component's IR that a v1 `component.yaml` holds, found and
/// checked for what v1 cannot express around them.
///
/// The IR must have the shape KFP writes for one component (``PipelineSpec/isSingleComponent``,
/// `BaseComponent._build_pipeline_spec`): a Kubernetes-safe `pipelineInfo.name`, one root task
/// named after it that runs one component, whose executor is a container. Refused with a
/// ``SpecError`` (see ``V1ExportProblems``): a pipeline, an importer, resolver or custom-job
/// executor, a display name, a default pipeline root, a platform spec or component platform
/// configs, task config passthroughs, a root task with a retry policy, trigger policy, iterator or
/// caching turned off, and container resources or lifecycle hooks.
struct V1ExportSource {
    /// `pipelineInfo.name`, the Kubernetes-safe component name.
    let name: String
    /// `pipelineInfo.description`.
    let description: String?
    /// The component the root task runs, and its path (`components.comp-x`).
    let component: ComponentSpec
    let componentPath: SpecPath
    /// Its executor's container, and its path (`deploymentSpec.executors.exec-x.container`).
    let container: ContainerSpec
    let containerPath: SpecPath
    /// Makes errors that name this component.
    let problems: V1ExportProblems

    init(spec: PipelineSpec) throws(SpecError) {
        name = spec.pipelineInfo.name
        description = spec.pipelineInfo.description
        let problems = V1ExportProblems(component: name)
        self.problems = problems
        let info = SpecPath("pipelineInfo")
        guard KFPNames.isValidPipelineName(name), KFPNames.k8sName(name) == name else {
            throw problems.error(
                "the name is not Kubernetes-safe; KFP 2.x would load the v1 component as '\(KFPNames.k8sName(name))'",
                at: info.appending("name"))
        }
        if let displayName = spec.pipelineInfo.displayName {
            throw problems.error("the display name '\(displayName)' has no v1 field", at: info.appending("displayName"))
        }
        if spec.defaultPipelineRoot != nil {
            throw problems.error(
                "a default pipeline root is a pipeline setting, which v1 components cannot declare", at: SpecPath("defaultPipelineRoot"))
        }
        if spec.platformSpec != nil {
            throw problems.error(
                "the platform spec (Kubernetes settings such as volumes, secrets or node selectors) has no v1 form",
                at: SpecPath("platforms"))
        }
        guard spec.isSingleComponent, let (taskName, task) = spec.root.dag?.tasks?.first,
            let component = spec.components?[task.componentRef.name], let label = component.executorLabel
        else {
            throw problems.error(
                "it is a pipeline (\(Self.pipelineReason(spec))); a v1 component.yaml holds one container component", at: SpecPath("root"))
        }
        self.component = component
        componentPath = SpecPath("components", task.componentRef.name)
        try Self.checkTask(task, at: SpecPath("root", "dag", "tasks", taskName), problems: problems)
        if component.singlePlatformSpecs != nil {
            throw problems.error("platform configs have no v1 form", at: componentPath.appending("singlePlatformSpecs"))
        }
        if component.taskConfigPassthroughs != nil {
            throw problems.error("task config passthroughs have no v1 form", at: componentPath.appending("taskConfigPassthroughs"))
        }
        let executorPath = SpecPath("deploymentSpec", "executors", label)
        guard let executor = spec.deploymentSpec?.executors?[label] else {
            throw problems.error("the executor '\(label)' is missing", at: executorPath)
        }
        if executor.importer != nil {
            throw problems.error("it is an importer; a v1 component.yaml holds a container", at: executorPath.appending("importer"))
        }
        if executor.resolver != nil {
            throw problems.error("it is a resolver; a v1 component.yaml holds a container", at: executorPath.appending("resolver"))
        }
        guard let container = executor.container, executor.customJob == nil else {
            throw problems.error("its executor is not a container; a v1 component.yaml holds a container", at: executorPath)
        }
        self.container = container
        containerPath = executorPath.appending("container")
        if container.resources != nil {
            throw problems.error(
                "the container sets resources (CPU, memory or accelerator), which v1 components cannot declare",
                at: containerPath.appending("resources"))
        }
        if container.lifecycle != nil {
            throw problems.error("the container's lifecycle hooks have no v1 form", at: containerPath.appending("lifecycle"))
        }
    }

    /// Why a spec is not a single component, for the error message.
    private static func pipelineReason(_ spec: PipelineSpec) -> String {
        guard let tasks = spec.root.dag?.tasks, !tasks.isEmpty else { return "its root has no tasks" }
        guard tasks.count == 1, let (taskName, task) = tasks.first else { return "its root DAG has \(tasks.count) tasks" }
        guard let component = spec.components?[task.componentRef.name] else {
            return "its task '\(taskName)' runs the missing component '\(task.componentRef.name)'"
        }
        if component.dag != nil { return "its task '\(taskName)' runs the DAG '\(task.componentRef.name)'" }
        if (spec.components?.count ?? 0) != 1 { return "it has \(spec.components?.count ?? 0) components" }
        if taskName != spec.pipelineInfo.name { return "its one task '\(taskName)' is not named after it" }
        return "its root inputs differ from its component's"
    }

    /// Refuses task settings KFP never writes for a component on its own.
    private static func checkTask(_ task: PipelineTaskSpec, at path: SpecPath, problems: V1ExportProblems) throws(SpecError) {
        let settings: [(String, Bool)] = [
            ("retryPolicy", task.retryPolicy != nil), ("triggerPolicy", task.triggerPolicy != nil),
            ("parameterIterator", task.parameterIterator != nil), ("artifactIterator", task.artifactIterator != nil),
            ("iteratorPolicy", task.iteratorPolicy != nil), ("dependentTasks", task.dependentTasks?.isEmpty == false),
        ]
        if let (field, _) = settings.first(where: \.1) {
            throw problems.error("the task setting '\(field)' has no v1 form", at: path.appending(field))
        }
        if let caching = task.cachingOptions, caching.enableCache != true || caching.cacheKey != nil {
            throw problems.error(
                "caching settings other than enableCache: true have no v1 form", at: path.appending("cachingOptions"))
        }
    }
}

/// Makes the export errors of one component: `cannot export 'NAME' as a v1 component: DETAIL`,
/// kind `.validation`, at a path in the IR.
struct V1ExportProblems: Sendable {
    /// `pipelineInfo.name` of the component.
    let component: String

    func error(_ detail: String, at path: SpecPath?) -> SpecError {
        SpecError(.validation, file: nil, message: "cannot export '\(component)' as a v1 component: \(detail)", path: path)
    }
}
