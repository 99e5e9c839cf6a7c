import Foundation
@testable import KFPLocal
import KFPSpec
import Testing

/// How a container's `resources` become the engine's limits: Kubernetes quantities as KFP's driver
/// reads them, the deprecated number fields as a fallback, and clear errors for values that are not
/// quantities.
@Suite("Container limits from resources")
struct ContainerLimitsTests {
    static func limits(_ edit: (inout ResourceSpec) -> Void) throws -> ContainerLimits {
        var resources = ResourceSpec()
        edit(&resources)
        return try ContainerLimits(resources) { text in text.replacingOccurrences(of: "{{cpu}}", with: "250m") }
    }

    @Test("CPU quantities: cores, millicores, decimals; the string field wins over the deprecated number")
    func cpu() throws {
        #expect(try Self.limits { $0.resourceCpuLimit = "500m" }.cpus == "0.5")
        #expect(try Self.limits { $0.resourceCpuLimit = "2" }.cpus == "2")
        #expect(try Self.limits { $0.resourceCpuLimit = "1.25" }.cpus == "1.25")
        #expect(try Self.limits { $0.resourceCpuLimit = "{{cpu}}" }.cpus == "0.25")
        #expect(try Self.limits { $0.cpuLimit = 4 }.cpus == "4")
        #expect(try Self.limits { $0.cpuLimit = 4; $0.resourceCpuLimit = "100m" }.cpus == "0.1")
        #expect(try Self.limits { $0.cpuRequest = 2 }.cpus == nil)
    }

    @Test("memory quantities: binary and decimal suffixes in bytes; the deprecated number is in GB")
    func memory() throws {
        #expect(try Self.limits { $0.resourceMemoryLimit = "512Mi" }.memoryBytes == 536_870_912)
        #expect(try Self.limits { $0.resourceMemoryLimit = "2G" }.memoryBytes == 2_000_000_000)
        #expect(try Self.limits { $0.resourceMemoryLimit = "1.5Gi" }.memoryBytes == 1_610_612_736)
        #expect(try Self.limits { $0.resourceMemoryLimit = "1000" }.memoryBytes == 1000)
        #expect(try Self.limits { $0.memoryLimit = 0.5 }.memoryBytes == 500_000_000)
    }

    @Test("accelerators: resourceCount before count; engine flags for docker and podman")
    func accelerators() throws {
        let limits = try Self.limits {
            var accelerator = AcceleratorConfig()
            accelerator.count = "1"
            accelerator.resourceCount = "2"
            $0.accelerator = accelerator
        }
        #expect(limits.gpus == 2)
        #expect(limits.arguments(podman: false) == ["--gpus", "2"])
        #expect(limits.arguments(podman: true) == ["--device", "nvidia.com/gpu=all"])
    }

    @Test("values that are not quantities fail the task naming the field and the value")
    func badValues() {
        let cpu = #expect(throws: TaskFailure.self) { try Self.limits { $0.resourceCpuLimit = "lots" } }
        #expect(cpu?.message == "resources.resourceCpuLimit: 'lots' is not a CPU quantity (expected cores such as 2, 0.5 or 500m)")
        let memory = #expect(throws: TaskFailure.self) { try Self.limits { $0.resourceMemoryLimit = "-1Gi" } }
        #expect(memory?.message == "resources.resourceMemoryLimit: '-1Gi' is not a memory quantity (expected bytes with an optional suffix such as 512Mi or 2G)")
        let gpus = #expect(throws: TaskFailure.self) {
            try Self.limits {
                var accelerator = AcceleratorConfig()
                accelerator.resourceCount = "two"
                $0.accelerator = accelerator
            }
        }
        #expect(gpus?.message == "resources.accelerator.count: 'two' is not a whole number of accelerators")
    }
}
