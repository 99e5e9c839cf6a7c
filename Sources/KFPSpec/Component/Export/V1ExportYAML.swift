import Yams

/// Writes a v1 component as `component.yaml` text laid out as KFP's v1 files are.
///
/// Keys come in KFP's order rather than sorted: `name`, `description`, `metadata`, `inputs`,
/// `outputs`, `implementation`; per input `name`, `type`, `description`, `default`, `optional`;
/// per container `image`, `command`, `args`, `env`, `fileOutputs`; per `if` `cond`, `then`,
/// `else`. Env variables follow `envOrder` (the IR's order; Kubernetes resolves `$(VAR)`
/// references in that order), then any others sorted. A list or mapping whose items are all
/// one-line scalars is written in flow style (`[sh, -c]`, `{inputValue: x}`), as PyYAML's
/// `default_flow_style=None`, which KFP 1.x wrote with, does. Scalars are quoted as
/// ``SpecWriter`` quotes them, so every reader gets back the same strings.
struct V1ExportYAML {
    /// Env variable names in the order to write them.
    var envOrder: [String] = []
    private let tags = YAMLTags()

    init(envOrder: [String]) {
        self.envOrder = envOrder
    }

    /// The YAML text, ending with a newline.
    ///
    /// - Throws: ``SpecError`` of kind `.io` if the emitter fails.
    func text(of component: V1ComponentSpec) throws(SpecError) -> String {
        do {
            return try Yams.serialize(node: try node(of: component), width: -1, allowUnicode: true)
        } catch let error as SpecError {
            throw error
        } catch {
            throw SpecError(.io, file: nil, message: "cannot write YAML: \(error)")
        }
    }

    private func node(of component: V1ComponentSpec) throws(SpecError) -> Node {
        var pairs: [(String, Node?)] = [
            ("name", component.name.map(scalar)), ("description", component.description.map(scalar)),
            ("metadata", component.metadata.map(value)),
        ]
        pairs.append(("inputs", component.inputs.map { list($0.map(input)) }))
        pairs.append(("outputs", component.outputs.map { list($0.map(output)) }))
        var implementation: [(String, Node?)] = []
        if let container = component.implementation.container {
            implementation.append(("container", self.container(container)))
        }
        if let graph = component.implementation.graph {
            implementation.append(("graph", value(try SpecWriter().tree(of: graph))))
        }
        pairs.append(("implementation", mapping(implementation)))
        return mapping(pairs)
    }

    private func input(_ input: V1InputSpec) -> Node {
        mapping([
            ("name", scalar(input.name)), ("type", input.type.map(value)), ("description", input.description.map(scalar)),
            ("default", input.default.map(value)), ("optional", input.optional.map { value(.bool($0)) }),
            ("annotations", input.annotations.map(value)),
        ])
    }

    private func output(_ output: V1OutputSpec) -> Node {
        mapping([
            ("name", scalar(output.name)), ("type", output.type.map(value)), ("description", output.description.map(scalar)),
            ("annotations", output.annotations.map(value)),
        ])
    }

    private func container(_ container: V1ContainerSpec) -> Node {
        let env = container.env ?? [:]
        let written = envOrder.filter { env[$0] != nil }
        let names = written + env.keys.filter { !written.contains($0) }.sorted()
        let variables = names.compactMap { name in env[name].map { (name, argument($0)) } }
        return mapping([
            ("image", scalar(container.image)), ("command", container.command.map { list($0.map(argument)) }),
            ("args", container.args.map { list($0.map(argument)) }), ("env", variables.isEmpty ? nil : mapping(variables)),
            ("fileOutputs", container.fileOutputs.map { files in value(.object(files.mapValues(JSONValue.string))) }),
        ])
    }

    /// A command-line element: literals as scalars, placeholders as one-key mappings.
    private func argument(_ argument: V1Argument) -> Node {
        switch argument {
        case .literal(let literal): return value(literal)
        case .concat(let items): return mapping([("concat", list(items.map(self.argument)))])
        case .ifPlaceholder(let condition, let then, let otherwise):
            let cond: Node =
                switch condition {
                case .isPresent(let name): mapping([("isPresent", scalar(name))])
                case .inputValue(let name): mapping([("inputValue", scalar(name))])
                case .constant(let constant): value(constant)
                }
            return mapping([("if", mapping([("cond", cond), ("then", branch(then)), ("else", otherwise.map(branch))]))])
        case .ifPresent(let name, let then, let otherwise):
            return mapping([
                ("ifPresent", mapping([
                    ("inputName", scalar(name)), ("then", list(then.map(self.argument))),
                    ("else", otherwise.map { list($0.map(self.argument)) }),
                ]))
            ])
        default:
            guard let (key, name) = argument.json.objectValue?.first else { return value(argument.json) }
            return mapping([(key, value(name))])
        }
    }

    private func branch(_ branch: V1ArgumentBranch) -> Node {
        if !branch.isList, branch.elements.count == 1, let only = branch.elements.first { return argument(only) }
        return list(branch.elements.map(argument))
    }

    private func scalar(_ text: String) -> Node { JSONValue.string(text).yamlNode(tags) }

    private func value(_ json: JSONValue) -> Node { json.yamlNode(tags) }

    /// A mapping of the present values, in the order given.
    private func mapping(_ pairs: [(String, Node?)]) -> Node {
        let present = pairs.compactMap { key, node in node.map { (scalar(key), $0) } }
        return Node(present, tags.map, present.allSatisfy { Self.isOneLineScalar($0.1) } ? .flow : .block)
    }

    private func list(_ nodes: [Node]) -> Node {
        Node(nodes, tags.seq, nodes.allSatisfy(Self.isOneLineScalar) ? .flow : .block)
    }

    private static func isOneLineScalar(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return !scalar.string.contains("\n") && !scalar.string.contains("\r")
    }
}
