import KFPLocal

/// What the nodes of a partition can give a job at most, to say which resource a job that Slurm
/// refused (error 2014, "Requested node configuration is not available") asks too much of.
struct SlurmCapacity {
    /// Slurm's "Requested node configuration is not available".
    static let unavailableConfiguration = 2014

    /// The nodes jobs can go to: the partition's, or all when no partition is named.
    let nodes: [SlurmNode]
    let partition: String?

    init(nodes: [SlurmNode], partition: String?) {
        self.nodes = partition.map { name in nodes.filter { $0.partitions.contains(name) } } ?? nodes
        self.partition = partition
    }

    /// `3 GPUs, but no node of partition 'main' has more than 1`, or, when no single resource is
    /// beyond every node, all of `asked` and that no node gives them together.
    func shortfall(of request: SlurmJobRequest, asked: TaskResources) -> String {
        let place = partition.map { "no node of partition '\($0)'" } ?? "no node of the cluster"
        guard !nodes.isEmpty else { return "\(asked), which \(place) can give" }
        if let gpus = request.gpus {
            let parts = gpus.split(separator: ":").map(String.init)
            let count = Int(parts.last ?? "") ?? 0
            let type = parts.count > 1 ? parts[0] : nil
            let most = nodes.map { node in type.map { node.gpus[$0] ?? 0 } ?? node.gpuCount }.max() ?? 0
            if count > most {
                let what = "\(count) GPU\(count == 1 ? "" : "s")" + (type.map { " of type '\($0)'" } ?? "")
                return "\(what), but \(place) has more than \(most)"
            }
        }
        let cpus = request.cpusPerTask ?? 1
        if let most = nodes.map(\.cpus).max(), cpus > most {
            return "\(cpus) CPUs, but \(place) has more than \(most)"
        }
        if let memory = request.memoryMB, let most = nodes.map(\.memoryMB).max(), memory > most {
            return "\(memory) MB of memory, but \(place) has more than \(most) MB"
        }
        return "\(asked) together, which \(place) gives"
    }
}
