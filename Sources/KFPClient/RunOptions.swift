/// The optional settings of ``PipelineClient/createRun(packageFile:arguments:options:)`` and its siblings,
/// named after `kfp.Client.create_run_from_pipeline_package`'s parameters.
public struct RunOptions: Sendable, Equatable {
    /// The run's `display_name`. Default, as kfp: `"<file name> <yyyy-MM-dd HH-mm-ss>"` for a
    /// package file, `"<pipeline name> <yyyy-MM-dd HH-mm-ss>"` for a spec or a stored pipeline (local
    /// time).
    public var runName: String?
    /// The experiment to run in; wins over ``experimentName``.
    public var experimentID: String?
    /// The experiment to run in, created when missing; default
    /// ``PipelineClient/Configuration/defaultExperimentName``.
    public var experimentName: String?
    /// The run's `description`; left out when nil.
    public var description: String?
    /// Sent as `runtime_config.pipeline_root`; left out when nil.
    public var pipelineRoot: String?
    /// `true`/`false` sets every task's `cachingOptions` to `{"enableCache": true}` / `{}` in the spec
    /// sent (root and nested DAGs), as kfp does; nil keeps the spec's own settings. Ignored for
    /// stored pipelines, like kfp.
    public var enableCaching: Bool?
    /// Sent as `service_account`; left out when nil.
    public var serviceAccount: String?

    /// Options with every setting defaulted.
    public init(
        runName: String? = nil, experimentID: String? = nil, experimentName: String? = nil,
        description: String? = nil, pipelineRoot: String? = nil, enableCaching: Bool? = nil,
        serviceAccount: String? = nil
    ) {
        self.runName = runName
        self.experimentID = experimentID
        self.experimentName = experimentName
        self.description = description
        self.pipelineRoot = pipelineRoot
        self.enableCaching = enableCaching
        self.serviceAccount = serviceAccount
    }
}

/// The optional settings of ``PipelineClient/createRecurringRun(name:trigger:packageFile:spec:pipelineID:versionID:arguments:options:)``,
/// named after `kfp.Client.create_recurring_run`'s parameters.
public struct RecurringRunOptions: Sendable, Equatable {
    /// The experiment of the recurring run; wins over ``experimentName``.
    public var experimentID: String?
    /// The experiment, created when missing; default ``PipelineClient/Configuration/defaultExperimentName``.
    public var experimentName: String?
    /// The recurring run's `description`; left out when nil.
    public var description: String?
    /// How many of its runs may be active at once (`max_concurrency`, 1…10).
    public var maxConcurrency: Int
    /// `no_catchup`: `true` starts only the latest missed interval after a pause; left out when nil.
    public var noCatchup: Bool?
    /// Created enabled (`mode: ENABLE`) or disabled (`DISABLE`).
    public var enabled: Bool
    /// Sent as `runtime_config.pipeline_root`; left out when nil.
    public var pipelineRoot: String?
    /// As ``RunOptions/enableCaching``.
    public var enableCaching: Bool?
    /// Sent as `service_account`; left out when nil.
    public var serviceAccount: String?

    /// Options with every setting defaulted: concurrency 1, enabled.
    public init(
        experimentID: String? = nil, experimentName: String? = nil, description: String? = nil,
        maxConcurrency: Int = 1, noCatchup: Bool? = nil, enabled: Bool = true, pipelineRoot: String? = nil,
        enableCaching: Bool? = nil, serviceAccount: String? = nil
    ) {
        self.experimentID = experimentID
        self.experimentName = experimentName
        self.description = description
        self.maxConcurrency = maxConcurrency
        self.noCatchup = noCatchup
        self.enabled = enabled
        self.pipelineRoot = pipelineRoot
        self.enableCaching = enableCaching
        self.serviceAccount = serviceAccount
    }
}
