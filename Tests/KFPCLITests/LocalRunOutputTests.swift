import Foundation
import KFPSpec
import KFPTestSupport
import Testing

/// What `kfp local run` and `kfp spec` print that a new user reads first: the progress lines, and
/// the errors for files that are not there.
@Suite("kfp local run and spec: progress lines and missing files", .enabled(if: CLIHarness.executable != nil))
struct LocalRunOutputTests {
    /// Two tasks, the second after the first: `first` sleeps so that `second` starts well after 0.
    static let chain = """
        pipelineInfo: {name: two-steps}
        schemaVersion: 2.1.0
        components:
          comp-step:
            executorLabel: exec-step
            inputDefinitions: {parameters: {pause: {parameterType: STRING}}}
        deploymentSpec:
          executors:
            exec-step:
              container:
                image: alpine
                command: [sh, -c, 'sleep "$0"', "{{$.inputs.parameters['pause']}}"]
        root:
          dag:
            tasks:
              first:
                componentRef: {name: comp-step}
                inputs: {parameters: {pause: {runtimeValue: {constant: '0.3'}}}}
              second:
                componentRef: {name: comp-step}
                dependentTasks: [first]
                inputs: {parameters: {pause: {runtimeValue: {constant: '0'}}}}
        """

    static func kfp(_ arguments: [String]) async throws -> ProgramRun {
        try await ProgramRun.run(try #require(CLIHarness.executable), arguments)
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-local-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("progress lines give the time since the run started, which never goes back, and each task's own duration at its end")
    func progressLinesCountFromTheRunStart() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("chain.yaml")
        try Data(Self.chain.utf8).write(to: file)
        let run = try await Self.kfp(["local", "run", file.path, "--pipeline-root", folder.appendingPathComponent("root").path])
        #expect(run.status == 0, "\(run.errors)")
        let pattern = /^\[ *(\d+\.\d)s\] (first|second) (RUNNING|SUCCEEDED in (\d+\.\d)s)$/
        let lines = run.errors.split(separator: "\n").map(String.init).filter { $0.hasPrefix("[") }
        #expect(lines.count == 4, "\(run.errors)")
        var stamps: [Double] = []
        var order: [String] = []
        for line in lines {
            let match = try #require(line.wholeMatch(of: pattern), "unexpected progress line: \(line)")
            stamps.append(try #require(Double(match.1)))
            order.append("\(match.2) \(match.3.hasPrefix("SUCCEEDED") ? "SUCCEEDED" : "RUNNING")")
        }
        #expect(order == ["first RUNNING", "first SUCCEEDED", "second RUNNING", "second SUCCEEDED"])
        #expect(stamps == stamps.sorted(), "times went back: \(lines)")
        // `second` starts after `first` slept 0.3 s: its stamp is not the 0.0 of a per-task clock.
        #expect(stamps[2] >= 0.3, "\(lines)")
    }

    @Test("a missing spec file, params file or package file says 'no such file'")
    func missingFilesSayNoSuchFile() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("absent.yaml").path
        let check = try await Self.kfp(["spec", "check", missing])
        #expect(check.status == 1)
        #expect(check.output == "\(missing): error: cannot read the file: no such file\n")
        let local = try await Self.kfp(["local", "run", missing])
        #expect(local.status == 2)
        #expect(local.errors == "\(missing): error: cannot read the file: no such file\n")

        let file = folder.appendingPathComponent("chain.yaml")
        try Data(Self.chain.utf8).write(to: file)
        let params = folder.appendingPathComponent("absent.json").path
        let withParams = try await Self.kfp(["local", "run", file.path, "--params-file", params])
        #expect(withParams.status == 2)
        #expect(withParams.errors == "error: cannot read the params file \(params): no such file\n")
    }
}
