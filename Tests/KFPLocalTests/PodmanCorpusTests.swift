import Foundation
import KFPLocal
import KFPSpec
import KFPTestSupport
import Testing

/// Corpus pipelines in real containers: podman as `scripts/containers/setup.sh` prepares it (runc,
/// a private configuration, the test images under the names the corpus uses). Three parts:
/// the group C cases run again in containers with the same exact checks; the container-only
/// pipelines, whose programs live in their images, with the outputs those programs imply; and a
/// differential of Python pipelines (loops, conditions, exit handlers, retries, caching, nested
/// pipelines) against the subprocess launcher. Prints `podman corpus: N passed of M tried`.
@Suite("Corpus in real containers (podman)", .enabled(if: ContainerEngines.podman != nil && TestEnvironment.corpus != nil))
struct PodmanCorpusTests {
    static let launcher = TaskLauncherKind.container(ContainerEngine(candidates: [ContainerEngines.podman?.path ?? "podman"]))
    static let dockerLauncher = TaskLauncherKind.container(ContainerEngine(candidates: [ContainerEngines.docker?.path ?? "docker"]))

    /// Group C cases whose programs exist in the test images (not the stub cases, whose stand-in
    /// programs live on the host).
    static let groupC: [GroupCCase] = GroupCRunner.runnable(GroupCShellCases.all + GroupCMixedCases.all)

    @Test("group C cases give the same exact values in containers", arguments: groupC)
    func groupCInContainers(_ item: GroupCCase) async throws {
        let ok = await Self.runAndCheck(item)
        await PodmanTally.shared.record("group C \(item.testDescription)", passed: ok)
    }

    @Test("container-only pipelines run their images' programs, with the outputs those imply", arguments: PodmanImageCases.all)
    func imageProgram(_ item: GroupCCase) async throws {
        let ok = await Self.runAndCheck(item)
        await PodmanTally.shared.record("image \(item.testDescription)", passed: ok)
    }

    /// Runs `item` with podman (or `engine`), records every mismatch, and removes the run's folder when it passed.
    static func runAndCheck(_ item: GroupCCase, engine: String = "podman") async -> Bool {
        var mismatches = Mismatches()
        do {
            let launcher = engine == "docker" ? dockerLauncher : launcher
            let run = try await ContainerTestGate.shared.run { try await GroupCRunner.run(item, launcher: launcher) }
            item.check(run, &mismatches)
            mismatches.expect(run.run.launcher == engine, "launcher: got \(run.run.launcher), expected \(engine)")
            if mismatches.list.isEmpty {
                try? FileManager.default.removeItem(at: run.root.deletingLastPathComponent())
            } else {
                print("podman corpus: \(item.testDescription): kept \(run.root.path)")
                for (path, record) in run.run.tasks.sorted(by: { $0.key < $1.key }) where record.state == .failed {
                    print("podman corpus: \(item.testDescription): \(path) failed: \(record.message ?? "")")
                }
            }
        } catch {
            Issue.record("\(item.testDescription): the run could not be made: \(error)")
            return false
        }
        for mismatch in mismatches.list {
            Issue.record("\(item.testDescription): \(mismatch)")
        }
        return mismatches.list.isEmpty
    }
}

/// Corpus pipelines with a private Docker daemon (`scripts/containers/dockerd.sh`): container-only
/// pipelines, a Python component with its prelude, nested pipelines, and a canceled run whose
/// container must be gone; the same exact checks as with podman.
@Suite("Corpus in real containers (docker)", .enabled(if: ContainerEngines.docker != nil && TestEnvironment.corpus != nil))
struct DockerCorpusTests {
    static let files: Set<String> = [
        "container_io", "container_with_artifact_output", "containerized_python_component", "critical/pipeline_with_env",
        "parallel_and_nested/pipeline_in_pipeline", "long-running",
    ]
    static let cases = (PodmanImageCases.all + PodmanCorpusTests.groupC).filter { files.contains($0.file) }

    @Test("the same exact values with docker", arguments: cases)
    func inDocker(_ item: GroupCCase) async {
        _ = await PodmanCorpusTests.runAndCheck(item, engine: "docker")
    }
}

/// Counts podman corpus cases and prints the tally when the process ends its last case.
actor PodmanTally {
    static let shared = PodmanTally()
    private var results: [String: Bool] = [:]

    func record(_ name: String, passed: Bool) {
        results[name] = passed
        let total = PodmanCorpusTests.groupC.count + PodmanImageCases.all.count + PodmanDifferentialTests.cases.count
        if results.count == total {
            print("podman corpus: \(results.values.filter { $0 }.count) passed of \(total) tried")
        }
    }
}
