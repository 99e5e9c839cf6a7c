import KFPPythonSource
import KFPSpec

/// The container command and arguments KFP 2.17.3 generates for a Python function component
/// (`_get_packages_to_install_command`, `_get_command_and_args_for_lightweight_component` and
/// `_get_command_and_args_for_containerized_component`).
///
/// For a lightweight component, the command is an optional `sh -c` pip prelude (the user's packages
/// first, then KFP itself unless it is not wanted), then `sh -ec` writing the program to
/// `ephemeral_component.py` and running `python3 -m kfp.dsl.executor_main` on it, then the program:
/// KFP's import header and the function's source. For a containerized one (`target_image`), the
/// prelude installs the user's packages only, and the command is `python3 -m kfp.dsl.executor_main`,
/// which finds the function through `kfp_config.ini` in the image's working directory.
struct PythonCommand: Sendable, Hashable {
    /// The KFP version whose runtime the prelude installs (`kfp==2.17.3`).
    static let kfpVersion = "2.17.3"

    /// The packages to install before KFP.
    var packagesToInstall: [String]
    /// `--index-url` and `--extra-index-url` values.
    var pipIndexURLs: [String]
    /// `--trusted-host` values; `nil` trusts every index URL.
    var pipTrustedHosts: [String]?
    /// Whether to install KFP itself (skipped anyway when a package starts with `kfp`).
    var installKFPPackage: Bool
    /// What to install instead of `kfp==2.17.3`.
    var kfpPackagePath: String?
    /// Whether KFP goes into a virtual environment created by the prelude.
    var useVenv: Bool
    /// Whether `kfpPackagePath` names an existing local path (KFP then adds `--no-deps`).
    var kfpPackagePathExists: Bool
    /// Whether the function is built into its image (`target_image`): KFP is never installed then.
    var containerized = false

    /// `python3 -m kfp.dsl.executor_main`, the command of a containerized component after its prelude.
    static let containerizedCommand = ["python3", "-m", "kfp.dsl.executor_main"]

    /// The full command for a function's source (as ``PythonFunctionLocator/functionText(of:lines:)``
    /// returns it) and the import lines KFP adds after its header.
    func command(functionSource: String, imports: [String] = []) -> [String] {
        prelude + ["sh", "-ec", Self.launcher, Self.program(functionSource: functionSource, imports: imports)]
    }

    /// `--executor_input {{$}} --function_to_execute <name>`.
    static func arguments(function: String) -> [String] {
        ["--executor_input", RuntimePlaceholder.executorInput.text, "--function_to_execute", function]
    }

    /// KFP's program text: its import header (and `imports`), a blank line, the function source and
    /// a line end.
    static func program(functionSource: String, imports: [String] = []) -> String {
        let header = ["import kfp", "from kfp import dsl", "from kfp.dsl import *", "from typing import *"] + imports
        return "\n" + header.joined(separator: "\n") + "\n\n" + functionSource + "\n"
    }

    /// The `sh -ec` script that saves the program (`$0`) and runs KFP's executor on it.
    static let launcher: String = {
        let gap = String(repeating: " ", count: 25)
        return "program_path=$(mktemp -d)\n\nprintf \"%s\" \"$0\" > \"$program_path/ephemeral_component.py\"\n"
            + "_KFP_RUNTIME=true python3 -m kfp.dsl.executor_main\(gap)--component_module_path\(gap)"
            + "\"$program_path/ephemeral_component.py\"\(gap)\"$@\"\n"
    }()

    /// `sh -c <script>`, or nothing when there is nothing to install.
    var prelude: [String] {
        let injectKFP = installKFPPackage && !containerized && !packagesToInstall.contains { $0.hasPrefix("kfp") }
        guard injectKFP || !packagesToInstall.isEmpty else { return [] }
        let options = indexOptions
        var parts: [String] = []
        if !packagesToInstall.isEmpty {
            parts.append(Self.pipInstall(packagesToInstall, options: options))
            if injectKFP { parts.append(" && ") }
        }
        if injectKFP {
            if useVenv {
                parts.append(
                    "\nexport PIP_DISABLE_PIP_VERSION_CHECK=1\ntmp=$(mktemp -d)\npython3 -m venv \"$tmp/venv\" --system-site-packages\n. \"$tmp/venv/bin/activate\"\n"
                )
            }
            if let kfpPackagePath {
                let noDeps = kfpPackagePathExists || kfpPackagePath.contains("@refs/pull/")
                parts.append(Self.pipInstall([kfpPackagePath] + (noDeps ? ["--no-deps"] : []), options: options))
            } else {
                parts.append(
                    Self.pipInstall(
                        ["kfp==\(Self.kfpVersion)", "--no-deps", "typing-extensions>=3.7.4,<5; python_version<\"3.9\""],
                        options: options))
            }
        }
        let script = "\nif ! [ -x \"$(command -v pip)\" ]; then\n    python3 -m ensurepip || python3 -m ensurepip --user || apt-get install python3-pip\nfi\n\nPIP_DISABLE_PIP_VERSION_CHECK=1 \(parts.joined(separator: " ")) && \"$0\" \"$@\"\n"
        return ["sh", "-c", script]
    }

    /// `make_index_url_options`: `--index-url`, `--extra-index-url`s and `--trusted-host`s, each
    /// followed by a space; empty without index URLs.
    private var indexOptions: String {
        guard let first = pipIndexURLs.first else { return "" }
        var options = ["--index-url \(first)"] + pipIndexURLs.dropFirst().map { "--extra-index-url \($0)" }
        options += (pipTrustedHosts ?? pipIndexURLs).map { "--trusted-host \($0)" }
        return options.joined(separator: " ") + " "
    }

    /// `make_pip_install_command`: each item quoted as Python's `repr` quotes it.
    private static func pipInstall(_ items: [String], options: String) -> String {
        "python3 -m pip install --quiet --no-warn-script-location \(options)" + items.map(pythonRepr).joined(separator: " ")
    }

    /// Python's `repr` of a `str`: single quotes unless the text has `'` and no `"`; backslashes,
    /// the quote, `\t`, `\n`, `\r` and non-printable characters escaped.
    static func pythonRepr(_ text: String) -> String {
        let quote: Unicode.Scalar = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var out = String.UnicodeScalarView([quote])
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case quote: out.append(contentsOf: "\\\(quote)".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default:
                if isPrintable(scalar) {
                    out.append(scalar)
                } else {
                    let hex = String(scalar.value, radix: 16)
                    let (prefix, width) = scalar.value < 0x100 ? ("\\x", 2) : scalar.value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
                    out.append(contentsOf: (prefix + String(repeating: "0", count: width - hex.count) + hex).unicodeScalars)
                }
            }
        }
        out.append(quote)
        return String(out)
    }

    /// Python's `str.isprintable` for one character: not a control, format, surrogate, private-use,
    /// unassigned or separator character (the space excepted).
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator, .lineSeparator,
            .paragraphSeparator:
            return false
        default:
            return true
        }
    }
}
