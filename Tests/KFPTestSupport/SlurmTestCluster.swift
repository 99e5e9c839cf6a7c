import Foundation

/// The real Slurm cluster `scripts/test.sh` starts (`scripts/slurm/cluster.sh`), as its `env.sh`
/// describes it: tests that need it use `.enabled(if: SlurmTestCluster.isAvailable)`, and run
/// through ``ContainerTestGate/shared`` so that at most two runs go at once.
public enum SlurmTestCluster {
    static let environment = ProcessInfo.processInfo.environment

    /// `KFP_TEST_SLURM=1` with `SLURM_URL` and `SLURM_JWT` set (a notice is printed otherwise).
    public static let isAvailable: Bool = {
        if environment["KFP_TEST_SLURM"] == "1", environment["SLURM_URL"] != nil, environment["SLURM_JWT"] != nil {
            return true
        }
        print("notice: no Slurm test cluster (KFP_TEST_SLURM=1 with SLURM_URL and SLURM_JWT; scripts/test.sh starts one as root); Slurm tests are skipped")
        return false
    }()

    /// The process environment, holding `SLURM_URL`, `SLURM_USER` and `SLURM_JWT`.
    public static var variables: [String: String] { environment }

    /// The partition (`main`).
    public static var partition: String { environment["KFP_SLURM_PARTITION"] ?? "main" }

    /// The compute nodes (`n1`, `n2`).
    public static var nodes: Set<String> { Set((environment["KFP_SLURM_NODES"] ?? "n1 n2").split(separator: " ").map(String.init)) }

    /// The node with the emulated GPU (`n2`).
    public static var gpuNode: String { environment["KFP_SLURM_GPU_NODE"] ?? "n2" }

    /// A new folder under the cluster's shared folder (both nodes see it at the same path).
    public static func scratch(_ name: String) -> URL {
        let base = environment["KFP_SLURM_SHARED_DIR"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
        return base.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))", isDirectory: true)
    }

    /// The host's address on the nodes' bridge (`10.77.N.1`), which the nodes reach (they have
    /// their own loopback): from `NET_SUBNET` in `$KFP_SLURM_DIR/net.env`.
    public static var bridgeAddress: String? {
        guard let folder = environment["KFP_SLURM_DIR"],
            let text = try? String(contentsOfFile: folder + "/net.env", encoding: .utf8)
        else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("NET_SUBNET=") {
            return line.dropFirst("NET_SUBNET=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")) + ".1"
        }
        return nil
    }

    /// The ids of the jobs among `jobIDs` that `squeue` still lists (pending, running or completing).
    public static func queued(_ jobIDs: [String]) throws -> [String] {
        guard !jobIDs.isEmpty else { return [] }
        return try squeue(["--format=%i", "--jobs=\(jobIDs.joined(separator: ","))"])
    }

    /// The ids of the jobs `squeue` lists whose comment (the launcher's names the run id and task)
    /// or working directory (the task folder) holds `text`, in `state` when given (`RUNNING`).
    public static func jobs(containing text: String, state: String? = nil) throws -> [String] {
        try squeue(["--format=%i|%T|%k|%Z"]).compactMap { line in
            let fields = line.split(separator: "|", maxSplits: 3).map(String.init)
            guard fields.count == 4, fields[2].contains(text) || fields[3].contains(text), state == nil || fields[1] == state
            else { return nil }
            return fields[0]
        }
    }

    /// The lines `squeue --noheader ARGUMENTS` prints.
    static func squeue(_ arguments: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["squeue", "--noheader"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
