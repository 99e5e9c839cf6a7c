/// Lets at most `limit` container-engine or Slurm test runs go at once across every suite of the
/// test process: Swift Testing runs suites and argument cases in parallel, and dozens of
/// simultaneous podman runs (each with its pip prelude) overload a 2-core machine until engines
/// stop answering. A test that needs the whole Slurm cluster (tasks that must land on both nodes)
/// runs alone (``runAlone(_:)``). Waiters are admitted in arrival order.
public actor ContainerTestGate {
    /// The gate every container and Slurm test shares.
    public static let shared = ContainerTestGate(limit: 2)

    private let limit: Int
    private var running = 0
    private var alone = false
    private var waiting: [(alone: Bool, continuation: CheckedContinuation<Void, Never>)] = []

    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Runs `body` once fewer than `limit` other bodies are running and none runs alone.
    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        await enter(alone: false)
        defer { leave(alone: false) }
        return try await body()
    }

    /// Runs `body` once no other body is running, and lets none start until it ends.
    public func runAlone<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        await enter(alone: true)
        defer { leave(alone: true) }
        return try await body()
    }

    private func admits(alone: Bool) -> Bool {
        !self.alone && (alone ? running == 0 : running < limit)
    }

    private func enter(alone: Bool) async {
        if waiting.isEmpty, admits(alone: alone) {
            take(alone: alone)
            return
        }
        await withCheckedContinuation { waiting.append((alone, $0)) }
    }

    private func take(alone: Bool) {
        running += 1
        if alone { self.alone = true }
    }

    private func leave(alone: Bool) {
        running -= 1
        if alone { self.alone = false }
        while let first = waiting.first, admits(alone: first.alone) {
            waiting.removeFirst()
            take(alone: first.alone)
            first.continuation.resume()
        }
    }
}
