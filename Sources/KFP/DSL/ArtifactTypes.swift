public import KFPSpec

/// KFP's artifact classes (`kfp.dsl.Artifact`, `Dataset`, ...) as IR type schemas, version 0.0.1.
extension ArtifactTypeSchema {
    /// `system.Artifact`: accepts any artifact.
    public static let artifact = ArtifactTypeSchema(schemaTitle: "system.Artifact")
    /// `system.Dataset`.
    public static let dataset = ArtifactTypeSchema(schemaTitle: "system.Dataset")
    /// `system.Model`.
    public static let model = ArtifactTypeSchema(schemaTitle: "system.Model")
    /// `system.Metrics`.
    public static let metrics = ArtifactTypeSchema(schemaTitle: "system.Metrics")
    /// `system.ClassificationMetrics`.
    public static let classificationMetrics = ArtifactTypeSchema(schemaTitle: "system.ClassificationMetrics")
    /// `system.SlicedClassificationMetrics`.
    public static let slicedClassificationMetrics = ArtifactTypeSchema(schemaTitle: "system.SlicedClassificationMetrics")
    /// `system.HTML`.
    public static let html = ArtifactTypeSchema(schemaTitle: "system.HTML")
    /// `system.Markdown`.
    public static let markdown = ArtifactTypeSchema(schemaTitle: "system.Markdown")
}

/// KFP's pipeline-level placeholders (`dsl.PIPELINE_JOB_NAME_PLACEHOLDER`, ...): strings to
/// interpolate into task arguments, replaced at run time.
public enum PipelinePlaceholder {
    /// The run's job name (`{{$.pipeline_job_name}}`).
    public static let jobName = RuntimePlaceholder.run(.jobName).text
    /// The run's resource name (`{{$.pipeline_job_resource_name}}`).
    public static let jobResourceName = RuntimePlaceholder.run(.jobResourceName).text
    /// The run's ID (`{{$.pipeline_job_uuid}}`).
    public static let jobID = RuntimePlaceholder.run(.jobID).text
    /// The run's creation time, UTC (`{{$.pipeline_job_create_time_utc}}`).
    public static let jobCreateTime = RuntimePlaceholder.run(.jobCreateTime).text
    /// The run's scheduled time, UTC (`{{$.pipeline_job_schedule_time_utc}}`).
    public static let jobScheduleTime = RuntimePlaceholder.run(.jobScheduleTime).text
    /// The task's name (`{{$.pipeline_task_name}}`).
    public static let taskName = RuntimePlaceholder.run(.taskName).text
    /// The task's ID (`{{$.pipeline_task_uuid}}`).
    public static let taskID = RuntimePlaceholder.run(.taskID).text
    /// The pipeline root (`{{$.pipeline_root}}`).
    public static let pipelineRoot = RuntimePlaceholder.run(.pipelineRoot).text
    /// The shared workspace path (`{{$.workspace_path}}`).
    public static let workspacePath = RuntimePlaceholder.run(.workspacePath).text
}
