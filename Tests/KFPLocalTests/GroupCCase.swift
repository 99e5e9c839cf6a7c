import Foundation
import KFPLocal
import KFPSpec
import Testing

/// One run of a group C corpus pipeline (ir-and-execution.md section 6: pipelines with plain
/// container components) and the values its commands imply.
struct GroupCCase: Sendable, CustomTestStringConvertible {
    /// The path under `pipelines/valid/`, without `.yaml`.
    let file: String
    /// What this run varies (arguments, a derived spec), shown in the test's name.
    var variant: String = ""
    /// Programs the commands run, which must be on `PATH` (the case is skipped otherwise).
    var programs: [String] = []
    /// Root arguments.
    var arguments: [String: JSONValue] = [:]
    /// Stand-ins for the fake programs of compile-only fixtures: program name → `sh` script body.
    /// They go in a folder put first on the `PATH` of every container executor (through the spec's
    /// `env`), so the fixture's command runs unchanged.
    var stubs: [String: String] = [:]
    /// Files written into task folders before the run: task path → file name → content.
    var taskFiles: [String: [String: String]] = [:]
    /// A change to the loaded spec, for variants the corpus file cannot express by arguments.
    var edit: (@Sendable (inout PipelineSpec) -> Void)?
    /// Runs the pipeline a second time in the same pipeline root with caching on; `check` then
    /// sees the second run in ``GroupCRun/rerun``.
    var rerunWithCache = false
    /// Cancels the run once this task's log holds this text.
    var cancelWhenLogged: (task: String, text: String)?
    /// Compares the run with the values the commands imply.
    let check: @Sendable (GroupCRun, inout Mismatches) -> Void

    var testDescription: String { variant.isEmpty ? file : "\(file) (\(variant))" }
}

/// Mismatches between a run and what its commands imply; the case passes when there are none.
struct Mismatches {
    private(set) var list: [String] = []

    mutating func expect<T: Equatable>(_ actual: T?, _ expected: T, _ what: String) {
        if actual != expected {
            list.append("\(what): got \(actual.map { "\($0)" } ?? "nothing"), expected \(expected)")
        }
    }

    /// Parameter values: numbers compare by value (protobuf has one number type).
    mutating func expectValue(_ actual: JSONValue?, _ expected: JSONValue, _ what: String) {
        guard let actual, actual.isEquivalent(to: expected) else {
            list.append("\(what): got \(actual?.compactJSON() ?? "nothing"), expected \(expected.compactJSON())")
            return
        }
    }

    mutating func expect(_ condition: Bool, _ what: String) {
        if !condition { list.append(what) }
    }
}
