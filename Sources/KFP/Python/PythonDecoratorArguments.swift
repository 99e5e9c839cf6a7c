import KFPPythonSource

/// The arguments of one `@component(...)`, `@dsl.component(...)` or `@kfp.dsl.component(...)`
/// decorator, evaluated as literals (see ``PythonModuleComponents``).
struct PythonDecoratorArguments {
    let file: String
    let function: String
    /// The 1-based line of the decorator.
    let line: Int
    /// Top-level `NAME = <literal>` bindings of the module, for arguments given by name.
    let constants: [String: PythonValue]
    private(set) var values: [String: PythonValue] = [:]

    /// The decorator spellings taken for KFP's `component`.
    static let spellings: Set<[String]> = [["component"], ["dsl", "component"], ["kfp", "dsl", "component"]]
    /// The arguments read; the others of `@dsl.component` are refused.
    static let supported: Set<String> = [
        "base_image", "target_image", "packages_to_install", "pip_index_urls", "output_component_file",
        "install_kfp_package", "kfp_package_path", "pip_trusted_hosts", "use_venv",
    ]
    static let unsupported: Set<String> = ["additional_funcs", "embedded_artifact_path", "task_config_passthroughs"]

    /// The arguments of a decorator (its tokens after `@`), or `nil` when it is not KFP's `component`.
    init?(tokens: [PythonToken], constants: [String: PythonValue], file: String, function: String) throws(DefinitionError) {
        self.file = file
        self.function = function
        self.constants = constants
        line = tokens.first?.line ?? 0
        // A decorator outside this small grammar is not KFP's `component` either.
        guard let expression = try? PythonExpressionParser.parse(tokens) else { return nil }
        let keywords: [PythonKeywordArgument]
        switch expression {
        case let callee where callee.dottedName.map(Self.spellings.contains) == true:
            keywords = []
        case .call(let callee, let arguments, let given) where callee.dottedName.map(Self.spellings.contains) == true:
            guard arguments.isEmpty else {
                throw fail("'@\((callee.dottedName ?? []).joined(separator: "."))' of function '\(function)' takes keyword arguments only")
            }
            keywords = given
        default:
            return nil
        }
        for keyword in keywords {
            guard !Self.unsupported.contains(keyword.name) else {
                throw fail("'\(keyword.name)' of component '\(function)' is not supported by kfp component build")
            }
            guard Self.supported.contains(keyword.name) else {
                throw fail("'@dsl.component' has no argument '\(keyword.name)' (function '\(function)')")
            }
            values[keyword.name] = try value(of: keyword)
        }
    }

    /// The declaration: the arguments checked by type and the component built from `source`.
    func declaration(source: String, function: String, line defLine: Int) throws(DefinitionError) -> PythonComponentDeclaration {
        let baseImage = try string("base_image") ?? PythonComponent.defaultBaseImage
        let targetImage = try string("target_image")
        let packages = try strings("packages_to_install") ?? []
        let indexURLs = try strings("pip_index_urls") ?? []
        let trustedHosts = try strings("pip_trusted_hosts")
        let component = try PythonComponent(
            source: source, function: function, baseImage: baseImage, packagesToInstall: packages, pipIndexURLs: indexURLs,
            pipTrustedHosts: trustedHosts, installKFPPackage: try bool("install_kfp_package") ?? true,
            kfpPackagePath: try string("kfp_package_path"), useVenv: try bool("use_venv") ?? false, targetImage: targetImage,
            fileID: file, line: defLine)
        return PythonComponentDeclaration(
            functionName: function, line: defLine, baseImage: baseImage, targetImage: targetImage, packagesToInstall: packages,
            pipIndexURLs: indexURLs, pipTrustedHosts: trustedHosts, outputComponentFile: try string("output_component_file"),
            component: component)
    }

    private func fail(_ message: String) -> DefinitionError {
        DefinitionError(.invalidComponent, message, at: CallSite(fileID: file, line: line))
    }

    private func value(of keyword: PythonKeywordArgument) throws(DefinitionError) -> PythonValue {
        if case .name(let name) = keyword.value, !["None", "True", "False"].contains(name) {
            guard let constant = constants[name] else {
                throw fail(
                    "'\(keyword.name)' of component '\(function)' is the name '\(name)', which is not bound to a literal at the module's top level; kfp component build reads the source without running it")
            }
            return constant
        }
        do {
            return try PythonLiteral.evaluate(keyword.value)
        } catch {
            throw fail(
                "'\(keyword.name)' of component '\(function)' must be a literal (\(error.reason)); kfp component build reads the source without running it")
        }
    }

    /// A `str` argument; `None` or absent is `nil`.
    private func string(_ name: String) throws(DefinitionError) -> String? {
        switch values[name] {
        case nil, .none?: return nil
        case .string(let text)?: return text
        case let other?: throw fail("'\(name)' of component '\(function)' must be a string, found \(Self.describe(other))")
        }
    }

    /// A list of `str` argument (a list or tuple); `None` or absent is `nil`.
    private func strings(_ name: String) throws(DefinitionError) -> [String]? {
        switch values[name] {
        case nil, .none?: return nil
        case .list(let items)?, .tuple(let items)?:
            var texts: [String] = []
            for item in items {
                guard case .string(let text) = item else {
                    throw fail("'\(name)' of component '\(function)' must be a list of strings, found \(Self.describe(item)) in it")
                }
                texts.append(text)
            }
            return texts
        case let other?: throw fail("'\(name)' of component '\(function)' must be a list of strings, found \(Self.describe(other))")
        }
    }

    /// A `bool` argument; absent is `nil`.
    private func bool(_ name: String) throws(DefinitionError) -> Bool? {
        switch values[name] {
        case nil: return nil
        case .bool(let flag)?: return flag
        case let other?: throw fail("'\(name)' of component '\(function)' must be True or False, found \(Self.describe(other))")
        }
    }

    private static func describe(_ value: PythonValue) -> String {
        switch value {
        case .none: return "None"
        case .bool: return "a bool"
        case .int: return "an int"
        case .float: return "a float"
        case .string(let text): return "the string '\(text)'"
        case .list: return "a list"
        case .tuple: return "a tuple"
        case .dict: return "a dict"
        }
    }
}
