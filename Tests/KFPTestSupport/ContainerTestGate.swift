/// Lets at most `limit` container-engine test runs go at once across every suite of the test
/// process: Swift Testing runs suites and argument cases in parallel, and dozens of simultaneous
/// podman runs (each with its pip prelude) overload a 2-core machine until engines stop answering.
public actor ContainerTestGate {
    /// The gate every container test shares.
    public static let shared = ContainerTestGate(limit: 2)

    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Runs `body` once fewer than `limit` other bodies are running.
    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        if running >= limit {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            running += 1
        }
        defer {
            if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
        }
        return try await body()
    }
}
