/// The name rules KFP's SDK applies when it turns a v1 component into the IR (`kfp/dsl/utils.py`).
package enum KFPNames {
    /// `maybe_rename_for_k8s`: lowercases, turns every run of characters outside `[-0-9a-z]` into
    /// `-`, collapses runs of `-`, and strips `-` at both ends. `"My  Comp__X!"` becomes `my-comp-x`.
    ///
    /// KFP names the pipeline, the root task, `comp-<name>` and `exec-<name>` with this.
    package static func k8sName(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in name.lowercased().unicodeScalars {
            let keep = scalar == "-" || isASCIIDigit(scalar) || isASCIILowercase(scalar)
            let next: Unicode.Scalar = keep ? scalar : "-"
            if next == "-", out.last == "-" { continue }
            out.append(next)
        }
        return trim(String(out), "-")
    }

    /// `sanitize_input_name`: lowercases, turns every run of characters outside `[_0-9a-z]` into one
    /// `_`, and strips `_` at both ends (existing `__` stay). `"Input data"` becomes `input_data`.
    ///
    /// KFP names inputs and outputs, and the inputs and outputs placeholders refer to, with this.
    package static func ioName(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var inRun = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar == "_" || isASCIIDigit(scalar) || isASCIILowercase(scalar) {
                out.append(scalar)
                inRun = false
            } else if !inRun {
                out.append("_")
                inRun = true
            }
        }
        return trim(String(out), "_")
    }

    /// `make_name_unique_by_adding_index`: `name` when `taken` does not hold it, else the first of
    /// `name-2`, `name-3`, ... that it does not hold. KFP names repeated tasks, components
    /// (`comp-x-2`) and executors (`exec-x-2`) with this.
    package static func unique(_ name: String, in taken: Set<String>) -> String {
        unique(name) { taken.contains($0) }
    }

    /// ``unique(_:in:)`` with a lookup instead of a set, for large collections.
    package static func unique(_ name: String, isTaken: (String) -> Bool) -> String {
        guard isTaken(name) else { return name }
        var index = 2
        while isTaken("\(name)-\(index)") { index += 1 }
        return "\(name)-\(index)"
    }

    /// `validate_pipeline_name`: KFP's rule `^[a-z0-9][a-z0-9-]{0,127}$` for the pipeline name.
    package static func isValidPipelineName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isASCIIDigit(first) || isASCIILowercase(first),
            name.unicodeScalars.count <= 128
        else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "-" || isASCIIDigit($0) || isASCIILowercase($0) }
    }

    private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    private static func isASCIILowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x61 && scalar.value <= 0x7A
    }

    private static func trim(_ text: String, _ character: Unicode.Scalar) -> String {
        var scalars = Substring(text).unicodeScalars
        while scalars.first == character { scalars.removeFirst() }
        while scalars.last == character { scalars.removeLast() }
        return String(scalars)
    }
}

/// Names made unique as KFP's `make_name_unique_by_adding_index` makes them (`x`, `x-2`, `x-3`, ...),
/// in amortized constant time: each base name remembers the last index it handed out, and since
/// names are only ever added, the first free index is never below it.
package struct UniqueNames: Sendable {
    private var taken: Set<String> = []
    private var lastIndex: [String: Int] = [:]

    package init() {}

    /// `true` when `name` is taken.
    package func contains(_ name: String) -> Bool { taken.contains(name) }

    /// Marks `name` as taken (a name given from elsewhere).
    package mutating func insert(_ name: String) { taken.insert(name) }

    /// `name`, or `name-N` with the lowest free N ≥ 2; the result is marked as taken.
    package mutating func claim(_ name: String) -> String {
        guard taken.contains(name) else {
            taken.insert(name)
            return name
        }
        var index = max(2, (lastIndex[name] ?? 1) + 1)
        while taken.contains("\(name)-\(index)") { index += 1 }
        lastIndex[name] = index
        let unique = "\(name)-\(index)"
        taken.insert(unique)
        return unique
    }
}
