import Foundation

/// Checks that a loaded spec is consistent, collecting every problem with its path, line and column.
///
/// Pipelines: the KFP pipeline name rule, each component's implementation and executor, parameter
/// types and defaults, and every DAG's references (components, producer tasks, output keys,
/// component inputs, iterators, DAG outputs) and dependency cycles. v1 components: input and
/// output names, and every placeholder's reference.
///
/// ```swift
/// let loaded = try SpecLoader(file: path).load(data)
/// try SpecValidator().validate(loaded)      // throws SpecError listing every problem
/// ```
public struct SpecValidator: Sendable {
    public init() {}

    /// Throws a ``SpecError`` of kind `.validation` listing every problem, or returns if there is none.
    public func validate(_ loaded: LoadedSpec) throws(SpecError) {
        let problems = self.problems(in: loaded)
        if !problems.isEmpty { throw SpecError(.validation, problems) }
    }

    /// Every problem in the spec; empty when it is valid.
    public func problems(in loaded: LoadedSpec) -> [SpecDiagnostic] {
        var report = ValidationReport(loaded: loaded)
        switch loaded.document {
        case .pipeline(let spec):
            PipelineRules(spec: spec).check(into: &report)
        case .componentV1(let component):
            V1ComponentRules(component: component).check(into: &report)
        }
        return report.diagnostics
    }

    /// Problems in a pipeline spec built in memory (no file, no line numbers).
    public func problems(in spec: PipelineSpec) -> [SpecDiagnostic] {
        var report = ValidationReport(loaded: nil)
        PipelineRules(spec: spec).check(into: &report)
        return report.diagnostics
    }
}

/// Collects diagnostics, adding the line and column of each path when the spec came from a file.
struct ValidationReport {
    let loaded: LoadedSpec?
    var diagnostics: [SpecDiagnostic] = []

    mutating func add(_ message: String, at path: SpecPath) {
        if let loaded {
            diagnostics.append(loaded.diagnostic(message, at: path))
        } else {
            diagnostics.append(SpecDiagnostic(path: path, message: message))
        }
    }
}

/// KFP naming rules.
enum NameRules {
    /// `^[a-z0-9][a-z0-9-]{0,127}$`: KFP's `validate_pipeline_name`.
    static func isValidPipelineName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 128 else { return false }
        func allowed(_ byte: UInt8) -> Bool { (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) }
        return allowed(first) && name.utf8.dropFirst().allSatisfy { allowed($0) || $0 == 45 }
    }

    /// The closest name in `candidates`, for "did you mean" hints (edit distance at most 2).
    static func suggestion(for name: String, in candidates: some Sequence<String>) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(name, candidate)
            if distance <= 2, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// `; did you mean 'x'` or an empty string.
    static func hint(for name: String, in candidates: some Sequence<String>) -> String {
        suggestion(for: name, in: candidates).map { "; did you mean '\($0)'" } ?? ""
    }
}
