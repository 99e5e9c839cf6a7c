import Foundation
import KFPSpec

/// The CPU, memory and GPU limits a container runs with, read from a container's `resources` as
/// KFP's driver reads them into the pod's limits: `resourceCpuLimit` / `resourceMemoryLimit`
/// (Kubernetes quantities, placeholders resolved) before the deprecated `cpuLimit` (cores) and
/// `memoryLimit` (GB); the accelerator's `resourceCount` before `count`. Requests only place a
/// pod on a node, so they set nothing here.
///
/// ```swift
/// ContainerLimits(cpus: "0.5", memoryBytes: 268_435_456, gpus: 1).arguments(podman: false)
/// // ["--cpus", "0.5", "--memory", "268435456", "--gpus", "1"]
/// ```
public struct ContainerLimits: Sendable, Hashable {
    /// Cores, as the engine's `--cpus` takes them (`"0.5"`, `"2"`), or `nil` for no limit.
    public var cpus: String?
    /// Bytes, or `nil` for no limit.
    public var memoryBytes: Int64?
    /// How many GPUs to give the container (0: none).
    public var gpus: Int

    public init(cpus: String? = nil, memoryBytes: Int64? = nil, gpus: Int = 0) {
        self.cpus = cpus
        self.memoryBytes = memoryBytes
        self.gpus = gpus
    }

    /// The engine's flags: `--cpus`, `--memory` (bytes), and for GPUs docker's `--gpus N` or
    /// podman's CDI device `nvidia.com/gpu=all`.
    public func arguments(podman: Bool) -> [String] {
        var arguments: [String] = []
        if let cpus { arguments += ["--cpus", cpus] }
        if let memoryBytes { arguments += ["--memory", String(memoryBytes)] }
        if gpus > 0 { arguments += podman ? ["--device", "nvidia.com/gpu=all"] : ["--gpus", String(gpus)] }
        return arguments
    }
}

extension ContainerLimits {
    /// The limits of `resources`; `resolve` substitutes placeholders in the string fields.
    ///
    /// - Throws: ``TaskFailure`` naming the field and its value when a quantity is not one.
    init(_ resources: ResourceSpec?, resolve: (String) throws -> String) throws {
        self.init()
        guard let resources else { return }
        cpus = try Quantity.cores(
            resources.resourceCpuLimit.map(resolve), field: "resourceCpuLimit", deprecated: resources.cpuLimit
        ).map(Quantity.format)
        memoryBytes = try Quantity.bytes(
            resources.resourceMemoryLimit.map(resolve), field: "resourceMemoryLimit", deprecatedGigabytes: resources.memoryLimit)
        let accelerator = resources.accelerator
        gpus = try Quantity.accelerators(try (accelerator?.resourceCount ?? accelerator?.count).map(resolve)) ?? 0
    }
}

/// Kubernetes resource quantities (`500m`, `1.5`, `512Mi`, `2G`, `1e3`).
enum Quantity {
    static let binary: [String: Double] = ["Ki": 0x1p10, "Mi": 0x1p20, "Gi": 0x1p30, "Ti": 0x1p40, "Pi": 0x1p50, "Ei": 0x1p60]
    static let decimal: [String: Double] = ["m": 1e-3, "k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18]

    /// The value of a quantity, or `nil` when `text` is not one.
    static func value(_ text: String) -> Double? {
        let text = text.trimmingCharacters(in: .whitespaces)
        for (suffix, factor) in binary where text.hasSuffix(suffix) {
            return number(text.dropLast(2)).map { $0 * factor }
        }
        if let last = text.last, let factor = decimal[String(last)] {
            return number(text.dropLast()).map { $0 * factor }
        }
        return number(Substring(text))
    }

    static func cores(_ text: String) -> Double? {
        value(text).flatMap { $0 > 0 ? $0 : nil }
    }

    static func bytes(_ text: String) -> Int64? {
        guard let value = value(text), value >= 1, value < 9.2e18 else { return nil }
        return Int64(value.rounded(.up))
    }

    /// `2`, `0.5`, `0.25` (no trailing zeros, at most three decimals as Kubernetes keeps).
    static func format(_ cores: Double) -> String {
        let milli = (cores * 1000).rounded(.up)
        if milli.truncatingRemainder(dividingBy: 1000) == 0 { return String(Int(milli / 1000)) }
        var text = String(format: "%.3f", milli / 1000)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// The cores of a quantity field (`resourceCpuLimit`, placeholders resolved), else of its
    /// deprecated form in cores (`cpuLimit`); `nil` when neither is set.
    static func cores(_ text: String?, field: String, deprecated: Double?) throws(TaskFailure) -> Double? {
        if let text, !text.isEmpty {
            guard let cores = cores(text) else {
                throw TaskFailure("resources.\(field): '\(text)' is not a CPU quantity (expected cores such as 2, 0.5 or 500m)")
            }
            return cores
        }
        if let deprecated, deprecated > 0 { return deprecated }
        return nil
    }

    /// The bytes of a quantity field (`resourceMemoryLimit`, placeholders resolved), else of its
    /// deprecated form in GB (`memoryLimit`); `nil` when neither is set.
    static func bytes(_ text: String?, field: String, deprecatedGigabytes: Double?) throws(TaskFailure) -> Int64? {
        if let text, !text.isEmpty {
            guard let bytes = bytes(text) else {
                throw TaskFailure("resources.\(field): '\(text)' is not a memory quantity (expected bytes with an optional suffix such as 512Mi or 2G)")
            }
            return bytes
        }
        if let gigabytes = deprecatedGigabytes, gigabytes > 0 { return Int64((gigabytes * 1e9).rounded()) }
        return nil
    }

    /// An accelerator count (`resources.accelerator.count`, placeholders resolved); `nil` when unset.
    static func accelerators(_ text: String?) throws(TaskFailure) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let count = Int(text), count >= 0 else {
            throw TaskFailure("resources.accelerator.count: '\(text)' is not a whole number of accelerators")
        }
        return count
    }

    private static func number(_ text: Substring) -> Double? {
        guard let first = text.first, first.isNumber || first == "." || first == "+" else { return nil }
        guard let value = Double(text), value.isFinite, value >= 0 else { return nil }
        return value
    }
}
