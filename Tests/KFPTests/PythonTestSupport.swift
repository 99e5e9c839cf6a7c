import KFPTestSupport
import Foundation
import KFP
import KFPSpec
import Testing

/// Helpers shared by the Python component tests.
enum PythonTestSupport {
    /// KFP 2.17.3's default `sh -c` prelude: install `kfp==2.17.3` only.
    static let kfpPrelude = [
        "sh", "-c",
        #"""

        if ! [ -x "$(command -v pip)" ]; then
            python3 -m ensurepip || python3 -m ensurepip --user || apt-get install python3-pip
        fi

        PIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip install --quiet --no-warn-script-location 'kfp==2.17.3' '--no-deps' 'typing-extensions>=3.7.4,<5; python_version<"3.9"' && "$0" "$@"

        """#,
    ]
    /// KFP's `sh -ec` launcher.
    static let launcher = [
        "sh", "-ec",
        "program_path=$(mktemp -d)\n\nprintf \"%s\" \"$0\" > \"$program_path/ephemeral_component.py\"\n"
            + "_KFP_RUNTIME=true python3 -m kfp.dsl.executor_main                         --component_module_path"
            + "                         \"$program_path/ephemeral_component.py\"                         \"$@\"\n",
    ]
    /// KFP's program header and the blank line before the function.
    static let header = programHeader + "\n"
    /// KFP's program header (`_get_command_and_args_for_lightweight_component`).
    static let programHeader = "\nimport kfp\nfrom kfp import dsl\nfrom kfp.dsl import *\nfrom typing import *\n"

    /// The single component of a component's IR and its container.
    static func leaf(_ component: PythonComponent) -> (spec: ComponentSpec, container: ContainerSpec)? {
        guard let spec = component.component.spec.components?.values.first,
            let container = component.component.spec.deploymentSpec?.executors?.values.first?.container
        else { return nil }
        return (spec, container)
    }

    /// The command with every `'kfp==<version>'` pin replaced by `'kfp==X'`.
    static func unpinned(_ command: [String]) -> [String] {
        command.map { element in
            var text = Substring(element)
            var out = ""
            while let range = text.range(of: "'kfp==") {
                out += text[..<range.upperBound] + "X"
                text = text[range.upperBound...]
                text = text.drop { $0 != "'" }
            }
            return out + text
        }
    }

    /// Where two JSON trees differ, as `path: ours vs theirs` lines; numbers compare by value.
    static func differences(_ ours: JSONValue, _ theirs: JSONValue, path: String = "") -> [String] {
        switch (ours, theirs) {
        case (.object(let lhs), .object(let rhs)):
            return Set(lhs.keys).union(rhs.keys).sorted().flatMap { key -> [String] in
                differences(lhs[key] ?? .null, rhs[key] ?? .null, path: path.isEmpty ? key : "\(path).\(key)")
            }
        case (.array(let lhs), .array(let rhs)) where lhs.count == rhs.count:
            return zip(lhs, rhs).enumerated().flatMap { index, pair in differences(pair.0, pair.1, path: "\(path)[\(index)]") }
        default:
            return ours.isEquivalent(to: theirs) ? [] : ["\(path): ours \(describe(ours)) vs KFP \(describe(theirs))"]
        }
    }

    /// The JSON tree of an encodable value (`null` when it cannot be encoded).
    static func tree(_ value: some Encodable) -> JSONValue {
        (try? SpecWriter().tree(of: value)) ?? .null
    }

    private static func describe(_ value: JSONValue) -> String {
        let text = (try? SpecWriter().write(value, format: .json)) ?? "\(value)"
        let flat = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return flat.count > 300 ? String(flat.prefix(300)) + "..." : flat
    }

    /// The options of KFP's `sh -c` pip prelude, read back from its script.
    typealias Prelude = PipPrelude

    static func reorderedPrelude(_ script: String) -> String { PipPrelude.reordered(script) }
}

/// The single component and container of a component's IR, or a test failure.
func leafOf(_ component: PythonComponent) throws -> (spec: ComponentSpec, container: ContainerSpec) {
    try #require(PythonTestSupport.leaf(component))
}

/// An input parameter definition.
func inputParameter(
    _ type: ParameterType, default value: JSONValue? = nil, optional: Bool? = nil, description: String? = nil
) -> InputParameterDefinition {
    InputParameterDefinition(parameterType: type, defaultValue: value, isOptional: optional, description: description)
}

/// An input artifact definition of a `system.*` type.
func inputArtifact(_ title: String, list: Bool? = nil, optional: Bool? = nil) -> InputArtifactDefinition {
    InputArtifactDefinition(artifactType: ArtifactTypeSchema(schemaTitle: title), isArtifactList: list, isOptional: optional)
}

/// An output artifact definition of a `system.*` type.
func outputArtifact(_ title: String, description: String? = nil) -> OutputArtifactDefinition {
    OutputArtifactDefinition(artifactType: ArtifactTypeSchema(schemaTitle: title), description: description)
}
