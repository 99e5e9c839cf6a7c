import Foundation
import KFP
import KFPSpec
import KFPTestSupport
import Testing

/// Rebuilds every lightweight Python component of the corpus (pipelines compiled by KFP 2.13 or
/// later) from the function source, image, packages and pip options its executor embeds, and
/// compares the interface and the container with what KFP compiled, the `kfp==X` pin aside.
///
/// Two older-release differences are normalized on the corpus side: KFP before 2.14 installed KFP
/// before the user's packages, and one 2.14.2 build left two extra blank lines before the function.
/// Executors with embedded assets (notebook components, `embedded_artifact_path`) are skipped: the
/// program then holds an archive, which ``PythonComponent`` does not make.
@Suite("Python components: corpus conformance")
struct PythonCorpusTests {
    @Test("every lightweight Python component of the corpus is rebuilt as KFP compiled it", .enabled(if: TestEnvironment.corpus != nil, "needs ../shared/kfp-corpus"))
    func corpusComponents() throws {
        let files = TestEnvironment.corpusFiles("pipelines/valid")
        try #require(!files.isEmpty, "the corpus has no pipelines/valid files")
        var tried = 0
        var equal = 0
        var skipped = 0
        var mismatches: [String] = []
        for url in files {
            let loaded = try SpecLoader(file: url.path).load(try Data(contentsOf: url))
            guard let spec = loaded.pipelineSpec, let version = Self.version(spec.sdkVersion), version >= [2, 13] else { continue }
            for (label, executor) in (spec.deploymentSpec?.executors ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let container = executor.container, let command = container.command,
                    command.contains(where: { $0.contains("kfp.dsl.executor_main") }),
                    command.contains(where: { $0.contains("ephemeral_component.py") }),
                    let program = command.last
                else { continue }
                if program.contains("__KFP_EMBEDDED_ARCHIVE_B64") {
                    skipped += 1
                    continue
                }
                tried += 1
                let name = "\(url.lastPathComponent) \(label)"
                let expected = spec.components?.values.first { $0.executorLabel == label }
                switch Self.compare(container: container, version: version, expected: expected) {
                case .success: equal += 1
                case .failure(let problem): mismatches.append("\(name): \(problem.text)")
                }
            }
        }
        print("python components: \(equal) equal of \(tried) tried (\(skipped) with embedded assets skipped)")
        for mismatch in mismatches { print("  mismatch: \(mismatch)") }
        #expect(tried > 0)
        #expect(Double(equal) >= 0.95 * Double(tried))
    }

    struct Problem: Error {
        var text: String
    }

    /// Rebuilds one executor's component and compares it with the corpus.
    static func compare(container: ContainerSpec, version: [Int], expected: ComponentSpec?) -> Result<Void, Problem> {
        guard var command = container.command, let args = container.args,
            let functionIndex = args.firstIndex(of: "--function_to_execute"), functionIndex + 1 < args.count,
            let program = command.last
        else { return .failure(Problem(text: "not a lightweight component")) }
        let function = args[functionIndex + 1]
        // A 2.14.2 build wrote two extra line ends before the function.
        if program.hasPrefix(PythonTestSupport.programHeader + "\n\n\n") {
            command[command.count - 1] = PythonTestSupport.programHeader + String(program.dropFirst(PythonTestSupport.programHeader.count + 2))
        }
        guard let body = command.last, body.hasPrefix(PythonTestSupport.programHeader) else {
            return .failure(Problem(text: "the program does not start with KFP's header"))
        }
        let source = String(body.dropFirst(PythonTestSupport.programHeader.count))
        var prelude = PythonTestSupport.Prelude()
        if command.count > 3, command[0] == "sh", command[1] == "-c" {
            if version < [2, 14] { command[2] = PythonTestSupport.reorderedPrelude(command[2]) }
            prelude = PythonTestSupport.Prelude(script: command[2])
        }
        let component: PythonComponent
        do {
            component = try PythonComponent(
                source: source, function: function, baseImage: container.image, packagesToInstall: prelude.packages,
                pipIndexURLs: prelude.indexURLs, pipTrustedHosts: prelude.trustedHosts,
                installKFPPackage: prelude.installsKFP, useVenv: prelude.useVenv)
        } catch {
            return .failure(Problem(text: "\(error)"))
        }
        guard let ours = PythonTestSupport.leaf(component) else { return .failure(Problem(text: "no leaf component")) }
        var differences: [String] = []
        differences += PythonTestSupport.differences(
            PythonTestSupport.tree(ours.spec.inputDefinitions), PythonTestSupport.tree(expected?.inputDefinitions), path: "inputDefinitions")
        differences += PythonTestSupport.differences(
            PythonTestSupport.tree(ours.spec.outputDefinitions), PythonTestSupport.tree(expected?.outputDefinitions),
            path: "outputDefinitions")
        if ours.container.image != container.image { differences.append("image: \(ours.container.image) vs \(container.image)") }
        let ourCommand = PythonTestSupport.unpinned(ours.container.command ?? [])
        let theirCommand = PythonTestSupport.unpinned(command)
        if ourCommand != theirCommand {
            let index = zip(ourCommand, theirCommand).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(ourCommand.count, theirCommand.count)
            let ourPart = index < ourCommand.count ? ourCommand[index] : "<none>"
            let theirPart = index < theirCommand.count ? theirCommand[index] : "<none>"
            differences.append("command[\(index)]: ours \(ourPart.debugDescription) vs KFP \(theirPart.debugDescription)")
        }
        if ours.container.args != container.args { differences.append("args: \(ours.container.args ?? []) vs \(args)") }
        return differences.isEmpty ? .success(()) : .failure(Problem(text: differences.joined(separator: "; ")))
    }

    /// `kfp-2.14.3` as `[2, 14, 3]`.
    static func version(_ sdkVersion: String?) -> [Int]? {
        guard let sdkVersion, sdkVersion.hasPrefix("kfp-") else { return nil }
        let numbers = sdkVersion.dropFirst(4).split(separator: ".").prefix(3).map { Int($0.prefix { $0.isNumber }) ?? 0 }
        return numbers.count >= 2 ? numbers : nil
    }
}

extension Array where Element == Int {
    fileprivate static func < (lhs: [Int], rhs: [Int]) -> Bool { lhs.lexicographicallyPrecedes(rhs) }
    fileprivate static func >= (lhs: [Int], rhs: [Int]) -> Bool { !(lhs < rhs) }
}
