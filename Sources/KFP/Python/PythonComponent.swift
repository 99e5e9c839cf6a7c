import Foundation
import KFPPythonSource
import KFPSpec

/// A lightweight Python function component: what KFP's `@dsl.component` makes of a Python function.
///
/// The interface comes from the function's signature, exactly as KFP 2.17.3 reads it:
/// - `str`, `int`, `float`, `bool`, `list`, `dict`, `List[...]`, `Dict[...]` parameters are
///   `STRING`, `NUMBER_INTEGER`, `NUMBER_DOUBLE`, `BOOLEAN`, `LIST` and `STRUCT` inputs; a default
///   makes an input optional and (unless `None`) is its `defaultValue` (numbers as doubles);
///   `Optional[X]` alone is `X`.
/// - `Input[Dataset]`, `Input[List[Model]]`, bare `Dataset`, `InputPath('CSV')` are input artifacts
///   (`system.Dataset@0.0.1`, ...); `InputPath(str)` is a parameter; `Output[...]` and `OutputPath(...)`
///   parameters are outputs; `PipelineTaskFinalStatus` is an optional `TASK_FINAL_STATUS` input.
/// - `-> str` (any parameter type) or `-> Model` gives the output `Output`;
///   `-> NamedTuple('Outputs', [('a', int), ...])` and `NamedTuple('Outputs', a=int)` one output per field.
/// - A Google-style docstring describes the component, its inputs (`Args:`) and outputs (`Returns:`).
///
/// The container is the one KFP generates, so a KFP cluster runs it unchanged: `image` is
/// `baseImage`; `command` is the `sh -c` pip prelude (the packages, then `kfp==2.17.3`), then
/// `sh -ec` running `python3 -m kfp.dsl.executor_main` on the program (KFP's import header and the
/// function's source); `args` are `--executor_input {{$}} --function_to_execute <function>`.
///
/// With a `targetImage` (`@dsl.component(target_image=...)`), the component is containerized as
/// KFP makes it: the function lives in the image `kfp component build --python` builds, `image` is
/// `targetImage` and `command` is `python3 -m kfp.dsl.executor_main` (after a prelude installing
/// `packagesToInstall`, if any, never KFP); the executor finds the function through the image's
/// `kfp_config.ini`.
///
/// ```swift
/// let add = try PythonComponent(source: """
///     def add(a: int, b: int = 2) -> int:
///         return a + b
///     """, function: "add", baseImage: "python:3.11")
/// add.component.name            // "Add"
/// ```
public struct PythonComponent: ComponentConvertible {
    /// The component: named after the function as KFP names it (`flip_coin_op` is `Flip coin op`),
    /// with the single-component IR (`flip-coin-op`, `comp-flip-coin-op`, `exec-flip-coin-op`).
    public let component: Component
    /// The function's source as the program embeds it: from its `def` through the end of its body,
    /// dedented, ending in a line end.
    public let functionSource: String
    /// The component description from the docstring (short and long description), or `nil`.
    ///
    /// KFP keeps it out of the IR (it only appears in the comment header KFP writes above a compiled
    /// component), so ``component`` does not carry it either.
    public let description: String?
    /// The image the component runs in.
    public let baseImage: String
    /// The packages the prelude installs before KFP.
    public let packagesToInstall: [String]
    /// The image the function is built into (`target_image`), or `nil` for a lightweight component.
    public let targetImage: String?

    /// The KFP release whose `@dsl.component` this follows, and whose runtime the prelude installs.
    public static let kfpVersion = PythonCommand.kfpVersion
    /// KFP's default base image (`python:3.11`).
    public static let defaultBaseImage = "python:3.11"

    /// The Python function's name (the `--function_to_execute` argument).
    public let functionName: String

    /// A component from Python source holding `def <function>(...)`.
    ///
    /// - Parameters:
    ///   - source: Python source: a module or a snippet; the function may be at any indentation.
    ///     Only the function's own text goes into the component (as with KFP, helpers and imports
    ///     outside it do not), so it must import what it uses inside its body.
    ///   - function: the name of the function to run.
    ///   - baseImage: the container image (`base_image`).
    ///   - packagesToInstall: pip requirements installed before the function runs (`packages_to_install`).
    ///   - pipIndexURLs: `--index-url` (the first) and `--extra-index-url`s (`pip_index_urls`).
    ///   - pipTrustedHosts: `--trusted-host`s; `nil` trusts every index URL, `[]` none (`pip_trusted_hosts`).
    ///   - installKFPPackage: whether the prelude installs KFP (`install_kfp_package`); it never does
    ///     when a package starts with `kfp`.
    ///   - kfpPackagePath: what to install instead of `kfp==2.17.3` (`kfp_package_path`); an existing
    ///     local path or a `@refs/pull/` URL is installed with `--no-deps`, as KFP does.
    ///   - useVenv: install KFP into a fresh virtual environment (`use_venv`).
    ///   - targetImage: the image the function is built into (`target_image`), making the component
    ///     containerized; `nil` for a lightweight component.
    /// - Throws: ``DefinitionError`` of kind ``DefinitionError/Kind/invalidComponent``, at the call
    ///   site, when the source has no such function (the message lists the functions it has), the
    ///   function is `async`, the source is not valid Python where it is read, a parameter has no
    ///   or an unsupported annotation, a default is not a literal or does not fit its type, an input
    ///   artifact has a default other than `None`, or an output is a list of artifacts.
    public init(
        source: String, function: String, baseImage: String = PythonComponent.defaultBaseImage,
        packagesToInstall: [String] = [], pipIndexURLs: [String] = [], pipTrustedHosts: [String]? = nil,
        installKFPPackage: Bool = true, kfpPackagePath: String? = nil, useVenv: Bool = false,
        targetImage: String? = nil, fileID: String = #fileID, line: Int = #line
    ) throws(DefinitionError) {
        let callSite = CallSite(fileID: fileID, line: line)
        func fail(_ message: String) -> DefinitionError {
            DefinitionError(.invalidComponent, message, at: callSite)
        }
        let normalized = source.replacingLineEnds()
        let tokenizer = PythonTokenizer(normalized)
        let tokens: [PythonToken]
        do {
            tokens = try tokenizer.tokenize()
        } catch {
            throw fail("the Python source is not valid at line \(error.line): \(error.message)")
        }
        let definitions = PythonFunctionLocator.definitions(in: tokens, lineIndents: tokenizer.lineIndents)
        let candidates = definitions.filter { $0.name == function }
        guard let minimum = candidates.map(\.indent).min(),
            let definition = candidates.last(where: { $0.indent == minimum })
        else {
            var names: [String] = []
            for definition in definitions where !names.contains(definition.name) { names.append(definition.name) }
            let found = names.isEmpty ? "it defines no functions" : "it defines " + names.map { "'\($0)'" }.joined(separator: ", ")
            throw fail("no function '\(function)' in the Python source; \(found)")
        }
        guard !definition.isAsync else {
            throw fail("function '\(function)' is 'async def' (source line \(definition.line)); KFP runs plain 'def' functions only")
        }

        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        let signature: PythonSignature
        do {
            signature = try PythonSignature(tokens: tokens, defIndex: definition.defToken)
        } catch {
            throw fail("the signature of '\(function)' is not valid Python at source line \(error.line): \(error.message)")
        }
        do {
            functionSource = try PythonFunctionLocator.functionText(of: definition, lines: lines)
        } catch {
            throw fail("the source of '\(function)' cannot be dedented: \(error.message) (source line \(error.line))")
        }
        var docstring: PythonDocstring?
        if let literal = signature.docstring, let value = try? PythonLiteral.string(literal) {
            docstring = PythonDocstring(value)
        }
        let builder = PythonInterfaceBuilder(signature: signature) { tokens in
            Self.text(of: tokens, in: tokenizer.scalars)
        }
        let interface: PythonInterface
        do {
            interface = try builder.build(docstring: docstring)
        } catch {
            throw fail(error.message)
        }

        guard let name = Self.componentName(function) else {
            throw fail("function name '\(function)' has no letters or digits to name the component after")
        }
        let irName = KFPNames.k8sName(name)
        guard KFPNames.isValidPipelineName(irName) else {
            throw fail("component name '\(irName)' made from function '\(function)' is not a valid KFP name")
        }
        let command = PythonCommand(
            packagesToInstall: packagesToInstall, pipIndexURLs: pipIndexURLs, pipTrustedHosts: pipTrustedHosts,
            installKFPPackage: installKFPPackage, kfpPackagePath: kfpPackagePath, useVenv: useVenv,
            kfpPackagePathExists: kfpPackagePath.map(Self.pathExists) ?? false, containerized: targetImage != nil)
        let container = ContainerSpec(
            image: targetImage ?? baseImage,
            command: targetImage == nil
                ? command.command(functionSource: functionSource, imports: interface.imports)
                : command.prelude + PythonCommand.containerizedCommand,
            args: PythonCommand.arguments(function: function))
        let spec = SingleComponentIR.make(
            name: irName, inputs: interface.inputs, outputs: interface.outputs, executor: ExecutorSpec(container: container),
            sdkVersion: V1ComponentConverter.sdkVersion)
        component = Component(spec: spec, name: name)
        description = docstring?.description
        self.baseImage = baseImage
        self.packagesToInstall = packagesToInstall
        self.targetImage = targetImage
        functionName = function
    }

    /// `_python_function_name_to_component_name`: `_` become spaces, runs of spaces collapse, spaces
    /// at the ends go, and the first character is upper-cased (`flip_coin_op` is `Flip coin op`).
    static func componentName(_ function: String) -> String? {
        var words = function.replacingOccurrences(of: "_", with: " ")
        while words.contains("  ") { words = words.replacingOccurrences(of: "  ", with: " ") }
        let trimmed = words.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
        let text = String(trimmed)
        guard let first = text.first else { return nil }
        return first.uppercased() + text.dropFirst()
    }

    /// The source text the tokens span, line ends and the indentation after them shown as one space.
    private static func text(of tokens: [PythonToken], in scalars: [Unicode.Scalar]) -> String {
        guard let first = tokens.first, let last = tokens.last, first.start <= last.end, last.end <= scalars.count else {
            return ""
        }
        var out = String.UnicodeScalarView()
        var skippingIndent = false
        for scalar in scalars[first.start..<last.end] {
            if scalar == "\n" {
                out.append(" ")
                skippingIndent = true
            } else if skippingIndent, scalar == " " || scalar == "\t" {
                continue
            } else {
                skippingIndent = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `os.path.exists`, which KFP consults for `kfp_package_path`.
    private static func pathExists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}

extension String {
    /// `\r\n` and lone `\r` become `\n`, as Python's universal newlines read a source file.
    func replacingLineEnds() -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            out.append(scalar)
        }
        return String(out)
    }
}
