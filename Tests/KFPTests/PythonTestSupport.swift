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
    struct Prelude: Equatable {
        var packages: [String] = []
        var indexURLs: [String] = []
        var trustedHosts: [String]? = nil
        var installsKFP = false
        var useVenv = false
        /// `true` when KFP is installed before the user's packages (KFP before 2.14 did that).
        var kfpFirst = false

        init() {}

        /// Reads the pip commands of a prelude script.
        init(script: String) {
            let marker = "python3 -m pip install --quiet --no-warn-script-location "
            var sawUserPackages = false
            var trusted: [String] = []
            for segment in script.components(separatedBy: marker).dropFirst() {
                var rest = Substring(segment)
                var indexes: [String] = []
                var items: [String] = []
                while true {
                    rest = rest.drop { $0 == " " }
                    if let option = ["--index-url ", "--extra-index-url ", "--trusted-host "].first(where: { rest.hasPrefix($0) }) {
                        rest = rest.dropFirst(option.count)
                        let value = String(rest.prefix { $0 != " " })
                        rest = rest.dropFirst(value.count)
                        if option == "--trusted-host " { trusted.append(value) } else { indexes.append(value) }
                    } else if let quote = rest.first, quote == "'" || quote == "\"" {
                        var value = ""
                        rest = rest.dropFirst()
                        while let character = rest.first, character != quote {
                            if character == "\\", let next = rest.dropFirst().first {
                                value.append(next)
                                rest = rest.dropFirst(2)
                            } else {
                                value.append(character)
                                rest = rest.dropFirst()
                            }
                        }
                        rest = rest.dropFirst()
                        items.append(value)
                    } else {
                        break
                    }
                }
                if indexURLs.isEmpty { indexURLs = indexes }
                if items.first?.hasPrefix("kfp==") == true {
                    installsKFP = true
                    kfpFirst = !sawUserPackages
                } else {
                    packages = items
                    sawUserPackages = true
                }
            }
            if !installsKFP { kfpFirst = false }
            useVenv = script.contains("python3 -m venv")
            if !indexURLs.isEmpty {
                let hostsPerCommand = trusted.count / max(1, (installsKFP ? 1 : 0) + (sawUserPackages ? 1 : 0))
                let hosts = Array(trusted.prefix(hostsPerCommand))
                trustedHosts = hosts == indexURLs ? nil : hosts
            }
        }
    }

    /// A KFP < 2.14 prelude rewritten in the current order (the user's packages before KFP).
    static func reorderedPrelude(_ script: String) -> String {
        let start = "PIP_DISABLE_PIP_VERSION_CHECK=1 "
        let end = " && \"$0\" \"$@\"\n"
        guard let head = script.range(of: start), let tail = script.range(of: end, options: .backwards) else { return script }
        let parts = script[head.upperBound..<tail.lowerBound].components(separatedBy: "  &&  ")
        guard parts.count == 2, parts[0].contains("'kfp==") else { return script }
        return script[..<head.upperBound] + parts[1] + "  &&  " + parts[0] + script[tail.lowerBound...]
    }
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
