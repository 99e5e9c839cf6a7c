import Foundation
import KFP
import KFPSpec
import KFPTestSupport
import Testing

/// Compiles tricky function sources with KFP 2.17.3 (`Tests/Oracle/python_component_ir.py`: the
/// source is executed, `kfp.dsl.component` applied and `kfp.compiler.Compiler().compile` run) and
/// compares the whole IR with ours, `sdkVersion` and the `kfp==X` pin aside. Where KFP refuses a
/// function, ``PythonComponent`` must throw too. The component description, which KFP writes only
/// into the comment header of the compiled file, must equal ``PythonComponent/description``.
@Suite("Python components: KFP oracle")
struct PythonOracleTests {
    /// One function to compile, with `dsl.component` options.
    struct Case: Encodable {
        var id: String
        var source: String
        var function: String
        var options: Options = Options()

        struct Options: Encodable {
            var base_image: String?
            var packages_to_install: [String]?
            var pip_index_urls: [String]?
            var pip_trusted_hosts: [String]?
            var install_kfp_package: Bool?
            var kfp_package_path: String?
            var use_venv: Bool?
        }

        func component() throws(DefinitionError) -> PythonComponent {
            try PythonComponent(
                source: source, function: function, baseImage: options.base_image ?? PythonComponent.defaultBaseImage,
                packagesToInstall: options.packages_to_install ?? [], pipIndexURLs: options.pip_index_urls ?? [],
                pipTrustedHosts: options.pip_trusted_hosts, installKFPPackage: options.install_kfp_package ?? true,
                kfpPackagePath: options.kfp_package_path, useVenv: options.use_venv ?? false)
        }
    }

    struct Answer: Decodable {
        var path: String?
        var error: String?
    }

    @Test("tricky sources compile to the IR KFP compiles, and KFP's refusals are ours", .enabled(if: TestEnvironment.oraclePython != nil, "no oracle Python; the Python component oracle test is skipped"))
    func matchesKFP() async throws {
        let cases = PythonOracleCases.all
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("python-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try await TestEnvironment.runOracle(
            script: "python_component_ir.py", arguments: [folder.path], stdin: try JSONEncoder().encode(cases))
        let answers = try JSONDecoder().decode([String: Answer].self, from: output)

        var equal = 0
        var refusedByBoth = 0
        for testCase in cases {
            let answer = try #require(answers[testCase.id], "no oracle answer for \(testCase.id)")
            let ours = Result { () throws(DefinitionError) in try testCase.component() }
            // KFP "compiles" a nested function whose body has lines left of the `def` (textwrap.dedent
            // cannot dedent it) into a program without the function; we refuse it.
            let theirPath = try answer.path.flatMap { path in
                try Self.emitsFunction(path) ? path : nil
            }
            switch (ours, theirPath) {
            case (.failure(let error), nil):
                refusedByBoth += 1
                print("  \(testCase.id): refused by both; KFP: \(answer.error ?? ""); ours: \(error)")
            case (.failure(let error), _?):
                Issue.record("\(testCase.id): KFP compiles it but we throw: \(error)")
            case (.success, nil):
                Issue.record("\(testCase.id): KFP refuses it (\(answer.error ?? "")) but we build it")
            case (.success(let component), let path?):
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let theirs = try SpecLoader(file: path).loadPipelineSpec(text)
                let differences = PythonTestSupport.differences(Self.normalized(component.component.spec), Self.normalized(theirs))
                let description = Self.commentDescription(text)
                if component.description != description {
                    Issue.record("\(testCase.id): description \(component.description.debugDescription) vs KFP \(description.debugDescription)")
                } else if differences.isEmpty {
                    equal += 1
                } else {
                    Issue.record("\(testCase.id) differs from KFP:\n\(differences.prefix(8).joined(separator: "\n"))")
                }
            }
        }
        print("python oracle: \(equal) equal, \(refusedByBoth) refused by both, of \(cases.count) cases")
        #expect(equal + refusedByBoth == cases.count)
    }

    /// `false` when KFP compiled a program without a `def` (an empty function source).
    static func emitsFunction(_ path: String) throws -> Bool {
        let spec = try SpecLoader(file: path).loadPipelineSpec(try String(contentsOfFile: path, encoding: .utf8))
        let program = spec.deploymentSpec?.executors?.values.first?.container?.command?.last ?? ""
        return program.contains("\ndef ")
    }

    /// The component description KFP writes only into the comment header of a compiled file:
    /// `# Description: <first line>`, further lines prefixed `#` and 14 spaces.
    static func commentDescription(_ text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("# Description: ") }) else { return nil }
        var result = [String(lines[start].dropFirst("# Description: ".count))]
        let continuation = "#" + String(repeating: " ", count: 14)
        for line in lines[(start + 1)...] {
            guard line.hasPrefix(continuation) else { break }
            result.append(String(line.dropFirst(continuation.count)))
        }
        return result.joined(separator: "\n")
    }

    /// The spec's tree without `sdkVersion`, its commands unpinned.
    static func normalized(_ spec: PipelineSpec) -> JSONValue {
        var spec = spec
        spec.sdkVersion = nil
        for (label, executor) in spec.deploymentSpec?.executors ?? [:] {
            guard var container = executor.container else { continue }
            container.command = container.command.map(PythonTestSupport.unpinned)
            spec.deploymentSpec?.executors?[label] = ExecutorSpec(container: container)
        }
        return PythonTestSupport.tree(spec)
    }
}
