public import KFPSpec

/// Per-task settings: display name, caching, retries, resources, environment and image override
/// (KFP's `set_display_name`, `set_caching_options`, `set_retry`, `set_cpu_limit`, ...,
/// `set_env_variable`, `ignore_upstream_failure`).
///
/// ```swift
/// p.task(train, ["data": data], options: .init(displayName: "Train", retry: .init(maxRetryCount: 2)))
/// ```
public struct TaskOptions: Sendable {
    /// The name shown for the task (`taskInfo.name`); the task's own name when `nil`.
    public var displayName: String?
    /// Whether a cached result may be reused (`cachingOptions.enableCache`). KFP's default is on.
    public var cachingEnabled: Bool
    /// Retries with backoff (`retryPolicy`), `nil` for none.
    public var retry: Retry?
    /// CPU limit in KFP's quantity form (`"500m"`, `"2"`).
    ///
    /// Each resource value and ``image`` may instead be a run-time value: a string interpolating
    /// one ``Ref`` (`"\(cpu)"`, a pipeline parameter or a task output), as KFP's setters accept a
    /// `PipelineChannel`. The compiler then writes only the `resource*` string fields, holding the
    /// value's placeholder, and gives the task an input named after the field (`cpu_limit`,
    /// `memory_limit`, `accelerator_type`, `accelerator_count`, `base_image`). As in KFP, such a
    /// value does not make the task wait for the task that produces it.
    public var cpuLimit: String?
    /// CPU request (`"500m"`, `"2"`).
    public var cpuRequest: String?
    /// Memory limit (`"4G"`, `"512Mi"`).
    public var memoryLimit: String?
    /// Memory request (`"4G"`, `"512Mi"`).
    public var memoryRequest: String?
    /// Accelerator type (`"nvidia.com/gpu"`); with no ``acceleratorLimit`` it counts one
    /// accelerator, as KFP's `set_accelerator_type`.
    public var acceleratorType: String?
    /// Accelerator count (`"1"`).
    public var acceleratorLimit: String?
    /// Environment variables added to the container, in order.
    public var environment: [(name: String, value: String)]
    /// An image that replaces the component's image for this task.
    public var image: String?
    /// Run even when upstream tasks failed (`ignore_upstream_failure()`): the trigger strategy
    /// becomes `ALL_UPSTREAM_TASKS_COMPLETED`.
    public var ignoresUpstreamFailure: Bool

    /// KFP's `set_retry`: `backoffDuration` and `backoffMaxDuration` are durations in seconds
    /// written as `"<n>s"`.
    public struct Retry: Sendable, Hashable {
        /// Number of retries after the first attempt.
        public var maxRetryCount: Int
        /// Wait before the first retry (`"0s"` by default, as KFP).
        public var backoffDuration: String
        /// Multiplier for each further wait (KFP's default 2.0).
        public var backoffFactor: Double
        /// Longest wait (`"3600s"` by default, as KFP).
        public var backoffMaxDuration: String

        /// Retries with KFP's defaults.
        public init(
            maxRetryCount: Int, backoffDuration: String = "0s", backoffFactor: Double = 2.0,
            backoffMaxDuration: String = "3600s"
        ) {
            self.maxRetryCount = maxRetryCount
            self.backoffDuration = backoffDuration
            self.backoffFactor = backoffFactor
            self.backoffMaxDuration = backoffMaxDuration
        }
    }

    /// Options; everything off or unset except caching.
    public init(
        displayName: String? = nil, cachingEnabled: Bool = true, retry: Retry? = nil, cpuLimit: String? = nil,
        cpuRequest: String? = nil, memoryLimit: String? = nil, memoryRequest: String? = nil,
        acceleratorType: String? = nil, acceleratorLimit: String? = nil,
        environment: [(name: String, value: String)] = [], image: String? = nil,
        ignoresUpstreamFailure: Bool = false
    ) {
        self.displayName = displayName
        self.cachingEnabled = cachingEnabled
        self.retry = retry
        self.cpuLimit = cpuLimit
        self.cpuRequest = cpuRequest
        self.memoryLimit = memoryLimit
        self.memoryRequest = memoryRequest
        self.acceleratorType = acceleratorType
        self.acceleratorLimit = acceleratorLimit
        self.environment = environment
        self.image = image
        self.ignoresUpstreamFailure = ignoresUpstreamFailure
    }
}
