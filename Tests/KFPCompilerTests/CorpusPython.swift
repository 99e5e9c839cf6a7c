import Foundation
import KFP
import KFPSpec
import KFPTestSupport

/// Python function components rebuilt from a corpus file: the function's source is read from the
/// program KFP embedded in the file (never copied into this project), with the file's base image,
/// packages and pip index URLs.
enum CorpusPython {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// The header KFP puts before the function in the embedded program.
    static let header = "\nimport kfp\nfrom kfp import dsl\nfrom kfp.dsl import *\nfrom typing import *\n\n"

    /// The component for `function` as compiled in `relativePath` (under `pipelines/valid`).
    ///
    /// - Parameter executor: the executor label when several executors run the same function with
    ///   different settings; the first (sorted) one otherwise.
    static func component(_ relativePath: String, function: String, executor: String? = nil) throws -> PythonComponent {
        guard let corpus = TestEnvironment.corpus else { throw Missing(description: "corpus absent") }
        let url = corpus.appendingPathComponent("pipelines/valid/\(relativePath)")
        let spec = try SpecLoader(file: url.path).loadPipelineSpec(try String(contentsOf: url, encoding: .utf8))
        let executors = (spec.deploymentSpec?.executors ?? [:]).sorted { $0.key < $1.key }
        let match = executors.first { label, candidate in
            guard executor == nil || executor == label, let args = candidate.container?.args,
                let index = args.firstIndex(of: "--function_to_execute")
            else { return false }
            return args.indices.contains(index + 1) && args[index + 1] == function
        }
        guard let container = match?.value.container, let command = container.command, let program = command.last,
            let prelude = command.first(where: { $0.contains("PIP_DISABLE_PIP_VERSION_CHECK") })
        else {
            throw Missing(description: "\(relativePath) has no lightweight Python executor running '\(function)'")
        }
        var source = program
        if let range = source.range(of: header) { source = String(source[range.upperBound...]) }
        let pip = PipPrelude(script: prelude)
        return try PythonComponent(
            source: source, function: function, baseImage: container.image, packagesToInstall: pip.packages,
            pipIndexURLs: pip.indexURLs, pipTrustedHosts: pip.trustedHosts, installKFPPackage: pip.installsKFP,
            useVenv: pip.useVenv)
    }
}
