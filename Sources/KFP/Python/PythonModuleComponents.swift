import KFPPythonSource

/// The `@dsl.component` functions of a Python module, found by reading its source as
/// `kfp component build` needs them: each function's decorator arguments and its component.
///
/// KFP's own `kfp component build` imports every module to collect the components its decorator
/// registers. This reads the source instead, without running Python: the interface comes from
/// ``PythonComponent`` (the same rules as KFP 2.17.3), the decorator's arguments must be literals
/// or names bound to a literal at the module's top level (`IMAGE = "…"`), and the decorator must be
/// spelled `@component`, `@dsl.component` or `@kfp.dsl.component` (a renamed import is not seen).
/// So a build needs no Python with KFP and the module's imports on the building machine, and runs
/// none of the module's code.
///
/// ```swift
/// let module = try PythonModuleComponents(source: text, file: "components/add.py")
/// module.declarations.map(\.functionName)      // ["add"]
/// module.declarations[0].targetImage           // "127.0.0.1:5000/add:v1"
/// ```
public struct PythonModuleComponents: Sendable {
    /// The file the source came from, as given (used in messages).
    public let file: String
    /// The decorated functions, in source order.
    public let declarations: [PythonComponentDeclaration]

    /// Reads the `@dsl.component` functions of a module.
    ///
    /// - Parameters:
    ///   - source: the module's Python source.
    ///   - file: the file name diagnostics name (`file:line: error: ...`).
    /// - Throws: ``DefinitionError`` of kind ``DefinitionError/Kind/invalidComponent``, at the file
    ///   and line of the problem: source that cannot be tokenized, a decorator argument that is not
    ///   a literal, an argument `@dsl.component` does not have or this reading does not support
    ///   (`additional_funcs`, `embedded_artifact_path`, `task_config_passthroughs`), a positional
    ///   argument, or a function ``PythonComponent`` rejects.
    public init(source: String, file: String) throws(DefinitionError) {
        self.file = file
        let normalized = source.replacingLineEnds()
        let tokenizer = PythonTokenizer(normalized)
        let tokens: [PythonToken]
        do {
            tokens = try tokenizer.tokenize()
        } catch {
            throw DefinitionError(
                .invalidComponent, "the Python source is not valid: \(error.message)", at: CallSite(fileID: file, line: error.line))
        }
        let lines = Self.logicalLines(tokens)
        let constants = Self.moduleConstants(lines, lineIndents: tokenizer.lineIndents)
        var found: [PythonComponentDeclaration] = []
        var decorators: [[PythonToken]] = []
        for line in lines {
            guard let first = line.first else { continue }
            if first.kind == .op, first.text == "@" {
                decorators.append(Array(line.dropFirst()))
                continue
            }
            defer { decorators = [] }
            let defIndex = first.text == "async" ? 1 : 0
            guard line.count > defIndex + 1, line[defIndex].kind == .name, line[defIndex].text == "def" else { continue }
            let function = line[defIndex + 1].text
            for decorator in decorators {
                guard let arguments = try PythonDecoratorArguments(tokens: decorator, constants: constants, file: file, function: function)
                else { continue }
                found.append(try arguments.declaration(source: normalized, function: function, line: first.line))
            }
        }
        declarations = found
    }

    /// The tokens of each logical line, without comments and line ends.
    static func logicalLines(_ tokens: [PythonToken]) -> [[PythonToken]] {
        var lines: [[PythonToken]] = []
        var current: [PythonToken] = []
        for token in tokens {
            switch token.kind {
            case .comment, .nonLogicalNewline:
                continue
            case .newline:
                if !current.isEmpty { lines.append(current) }
                current = []
            default:
                current.append(token)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// `NAME = <literal>` statements at the module's top level (the last one wins), by name.
    static func moduleConstants(_ lines: [[PythonToken]], lineIndents: [Int]) -> [String: PythonValue] {
        var constants: [String: PythonValue] = [:]
        for line in lines where line.count > 2 && line[0].kind == .name && line[1].kind == .op && line[1].text == "=" {
            let indent = line[0].line - 1 < lineIndents.count ? lineIndents[line[0].line - 1] : 0
            guard indent == 0 else { continue }
            if let expression = try? PythonExpressionParser.parse(Array(line.dropFirst(2))),
                let value = try? PythonLiteral.evaluate(expression)
            {
                constants[line[0].text] = value
            } else {
                constants[line[0].text] = nil
            }
        }
        return constants
    }
}

/// A function decorated with `@dsl.component(...)`: its name, where it is, the decorator's
/// arguments, and its component.
public struct PythonComponentDeclaration: Sendable {
    /// The Python function's name (`concat_message`).
    public let functionName: String
    /// The 1-based line of its `def`.
    public let line: Int
    /// `base_image`, or KFP's default (`python:3.11`) when not given.
    public let baseImage: String
    /// `target_image`, or `nil` for a lightweight component.
    public let targetImage: String?
    /// `packages_to_install`.
    public let packagesToInstall: [String]
    /// `pip_index_urls`.
    public let pipIndexURLs: [String]
    /// `pip_trusted_hosts` (`nil` when not given: every index URL is trusted).
    public let pipTrustedHosts: [String]?
    /// `output_component_file`, or `nil`.
    public let outputComponentFile: String?
    /// The component KFP makes of it (containerized when `targetImage` is set).
    public let component: PythonComponent
}
