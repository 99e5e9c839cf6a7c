import Foundation
import KFPSpec

/// What a task asks of the node it runs on, read from its container's `resources` (placeholders
/// resolved) and its Kubernetes platform config, as a batch scheduler needs it: CPUs and memory
/// (the larger of request and limit, since a job gets one amount), accelerators and their type,
/// and a time limit (kfp-kubernetes' `set_timeout`, `activeDeadlineSeconds`).
///
/// ```swift
/// TaskResources(cpus: 1.5, memoryBytes: 512 << 20, accelerators: 1, acceleratorType: "nvidia.com/gpu")
/// ```
public struct TaskResources: Sendable, Hashable, CustomStringConvertible {
    /// Cores (`0.5`, `2`), or `nil` when the task does not say.
    public var cpus: Double?
    /// Bytes, or `nil` when the task does not say.
    public var memoryBytes: Int64?
    /// How many accelerators (0: none).
    public var accelerators: Int
    /// The accelerator's type as the spec names it (`nvidia.com/gpu`, `NVIDIA_TESLA_T4`), if any.
    public var acceleratorType: String?
    /// Seconds the task may run, or `nil` for no limit.
    public var timeLimitSeconds: Double?

    /// Resources; everything unset by default.
    public init(
        cpus: Double? = nil, memoryBytes: Int64? = nil, accelerators: Int = 0, acceleratorType: String? = nil,
        timeLimitSeconds: Double? = nil
    ) {
        self.cpus = cpus
        self.memoryBytes = memoryBytes
        self.accelerators = accelerators
        self.acceleratorType = acceleratorType
        self.timeLimitSeconds = timeLimitSeconds
    }

    /// `2 CPUs, 512 MiB, 1 GPU (nvidia.com/gpu), 60 s`, or `nothing in particular`.
    public var description: String {
        var parts: [String] = []
        if let cpus { parts.append("\(Quantity.format(cpus)) CPU\(cpus == 1 ? "" : "s")") }
        if let memoryBytes { parts.append("\(Self.mebibytes(memoryBytes)) MiB") }
        if accelerators > 0 {
            parts.append("\(accelerators) GPU\(accelerators == 1 ? "" : "s")" + (acceleratorType.map { " (\($0))" } ?? ""))
        }
        if let timeLimitSeconds { parts.append("\(Quantity.format(timeLimitSeconds)) s") }
        return parts.isEmpty ? "nothing in particular" : parts.joined(separator: ", ")
    }

    /// `bytes` in MiB, rounded up.
    public static func mebibytes(_ bytes: Int64) -> Int64 {
        (bytes + (1 << 20) - 1) >> 20
    }
}

extension TaskResources {
    /// The resources of `resources` and `timeLimitSeconds`; `resolve` substitutes placeholders in
    /// the string fields.
    ///
    /// - Throws: ``TaskFailure`` naming the field and its value when a quantity is not one.
    init(_ resources: ResourceSpec?, timeLimitSeconds: Double?, resolve: (String) throws -> String) throws {
        self.init(timeLimitSeconds: timeLimitSeconds)
        guard let resources else { return }
        let cpuLimit = try Quantity.cores(
            resources.resourceCpuLimit.map(resolve), field: "resourceCpuLimit", deprecated: resources.cpuLimit)
        let cpuRequest = try Quantity.cores(
            resources.resourceCpuRequest.map(resolve), field: "resourceCpuRequest", deprecated: resources.cpuRequest)
        cpus = Self.larger(cpuLimit, cpuRequest)
        let memoryLimit = try Quantity.bytes(
            resources.resourceMemoryLimit.map(resolve), field: "resourceMemoryLimit", deprecatedGigabytes: resources.memoryLimit)
        let memoryRequest = try Quantity.bytes(
            resources.resourceMemoryRequest.map(resolve), field: "resourceMemoryRequest",
            deprecatedGigabytes: resources.memoryRequest)
        memoryBytes = Self.larger(memoryLimit, memoryRequest)
        let accelerator = resources.accelerator
        accelerators = try Quantity.accelerators(try (accelerator?.resourceCount ?? accelerator?.count).map(resolve)) ?? 0
        if accelerators > 0, let type = try (accelerator?.resourceType ?? accelerator?.type).map(resolve), !type.isEmpty {
            acceleratorType = type
        }
    }

    private static func larger<T: Comparable>(_ a: T?, _ b: T?) -> T? {
        guard let a else { return b }
        guard let b else { return a }
        return max(a, b)
    }

    /// `activeDeadlineSeconds` of the executor labeled `label` in the spec's Kubernetes platform
    /// config (kfp-kubernetes' `set_timeout`), or `nil`.
    static func timeLimitSeconds(in spec: PipelineSpec, executorLabel label: String) -> Double? {
        let executors = spec.platformSpec?.objectValue?["platforms"]?.objectValue?["kubernetes"]?.objectValue?["deploymentSpec"]?
            .objectValue?["executors"]?.objectValue
        switch executors?[label]?.objectValue?["activeDeadlineSeconds"] {
        case .string(let text): return Double(text).flatMap { $0 > 0 ? $0 : nil }
        case .int(let value): return value > 0 ? Double(value) : nil
        case .double(let value): return value > 0 ? value : nil
        default: return nil
        }
    }
}
