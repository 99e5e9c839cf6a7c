import Foundation
import KFP
import KFPImages
import KFPSpec
import KFPTestSupport
import Testing

/// The files `kfp component build --python` writes, against KFP 2.17.3's own `kfp component build
/// --no-build-image` on the same folder (`Tests/Oracle/kfp_component_build.py`): the Dockerfile,
/// runtime-requirements.txt, .dockerignore and kfp_config.ini byte for byte, the component specs
/// as parsed IR (`sdkVersion` aside); and the folders KFP refuses, with our messages.
@Suite("kfp component build --python: generated files")
struct PythonBuildFilesTests {
    static let modules = [
        "add.py": """
            from kfp import dsl
            IMAGE = '127.0.0.1:5000/team/add:v1'


            @dsl.component(base_image='python:3.11', target_image=IMAGE, packages_to_install=['pandas==2.2.3', 'numpy'],
                           pip_index_urls=['https://a.example/simple', 'https://b.example/simple'])
            def add(a: int, b: int = 2) -> int:
                return a + b

            """,
        "sub/mul.py": """
            from kfp import dsl


            @dsl.component(base_image='python:3.11', target_image='127.0.0.1:5000/team/add:v1', packages_to_install=['numpy'],
                           output_component_file='times.yaml', pip_trusted_hosts=['b.example'])
            def mul(a: float, b: float) -> float:
                return a * b

            """,
        "helpers.py": "def unused():\n    return 1\n",
        "kfp_config.ini": "[Components]\nold = old.py\n\n[Other]\nkey = value\n",
    ]

    static func folder(_ files: [String: String]) throws -> URL {
        let folder = try ImageTestSupport.scratch("py-build-files")
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("the same files as KFP 2.17.3's kfp component build", .enabled(if: TestEnvironment.oraclePython != nil))
    func matchesKFP() async throws {
        let ours = try Self.folder(Self.modules)
        let theirs = try Self.folder(Self.modules)
        defer {
            try? FileManager.default.removeItem(at: ours)
            try? FileManager.default.removeItem(at: theirs)
        }
        _ = try await TestEnvironment.runOracle(script: "kfp_component_build.py", arguments: [theirs.path])
        let build = try PythonComponentsBuild(folder: ours)
        #expect(build.components.map(\.declaration.functionName) == ["add", "mul"])
        #expect(build.targetImage.description == "127.0.0.1:5000/team/add:v1")
        try build.writeBuildFiles()
        try build.writeComponentSpecs(image: "127.0.0.1:5000/team/add:v1")
        for name in ["Dockerfile", "runtime-requirements.txt", ".dockerignore", "kfp_config.ini"] {
            let mine = try String(contentsOf: ours.appendingPathComponent(name), encoding: .utf8)
            let kfp = try String(contentsOf: theirs.appendingPathComponent(name), encoding: .utf8)
            #expect(mine == kfp, "\(name) differs:\n\(mine)\n---\n\(kfp)")
        }
        for name in ["add.yaml", "times.yaml"] {
            let mine = try SpecLoader().load(try String(contentsOf: ours.appendingPathComponent("component_metadata/\(name)"), encoding: .utf8))
            let kfp = try SpecLoader().load(try String(contentsOf: theirs.appendingPathComponent("component_metadata/\(name)"), encoding: .utf8))
            #expect(Self.withoutSDKVersion(mine.document) == Self.withoutSDKVersion(kfp.document), "component_metadata/\(name) differs")
        }
    }

    /// The document with `sdkVersion` (`swift-kfp-…` for ours, `kfp-2.17.3` for KFP's) left out.
    static func withoutSDKVersion(_ document: SpecDocument) -> SpecDocument {
        guard case .pipeline(var spec) = document else { return document }
        spec.sdkVersion = nil
        return .pipeline(spec)
    }

    @Test("an existing Dockerfile and .dockerignore are kept unless asked; requirements are always written")
    func keepsExistingFiles() throws {
        var files = Self.modules
        files["Dockerfile"] = "FROM python:3.11\n"
        files[".dockerignore"] = "secrets/\n"
        let folder = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let build = try PythonComponentsBuild(folder: folder)
        let written = try build.writeBuildFiles().map(\.lastPathComponent)
        #expect(written == ["kfp_config.ini", "runtime-requirements.txt"])
        #expect(try String(contentsOf: folder.appendingPathComponent("Dockerfile"), encoding: .utf8) == "FROM python:3.11\n")
        #expect(try String(contentsOf: folder.appendingPathComponent(".dockerignore"), encoding: .utf8) == "secrets/\n")
        #expect(try build.writeBuildFiles(overwriteDockerfile: true).map(\.lastPathComponent) == ["kfp_config.ini", "runtime-requirements.txt", "Dockerfile"])
        #expect(try String(contentsOf: folder.appendingPathComponent("Dockerfile"), encoding: .utf8).hasPrefix("# Generated by KFP.\n\nFROM python:3.11\n"))
    }

    @Test("folders KFP cannot build are refused with what is wrong", arguments: [
        (["a.py": "def f(): pass\n"], "no @dsl.component functions in FOLDER (read 1 Python file); kfp component build --python needs at least one"),
        (["a.py": "from kfp import dsl\n@dsl.component\ndef f(x: int) -> int:\n    return x\n"],
         "component 'f' (a.py:3) has no target_image; kfp component build --python needs @dsl.component(target_image=\"REPO:TAG\") on every component"),
        (["a.py": "@dsl.component(target_image='r/a:1')\ndef f() -> int:\n    return 1\n",
          "b.py": "@dsl.component(target_image='r/b:1')\ndef g() -> int:\n    return 1\n"],
         "the components in FOLDER name 2 target images ('r/a:1', 'r/b:1'); all must use the same base_image and target_image"),
        (["a.py": "@dsl.component(target_image='r/a:1', base_image='python:3.12')\ndef f() -> int:\n    return 1\n",
          "b.py": "@dsl.component(target_image='r/a:1')\ndef g() -> int:\n    return 1\n"],
         "the components in FOLDER name 2 base images ('python:3.11', 'python:3.12'); all must use the same base_image and target_image"),
        (["a.py": "@dsl.component(target_image='r/a:1')\ndef f() -> int:\n    return 1\n",
          "b.py": "@dsl.component(target_image='r/a:1')\ndef f() -> int:\n    return 2\n"],
         "component function 'f' (a.py:2) and 'f' (b.py:2) have the same name; kfp_config.ini can name only one"),
        (["a.py": "@dsl.component(target_image='R/a:1')\ndef f() -> int:\n    return 1\n"],
         "image 'R/a:1' is not a valid REPO[:TAG]: path part 'R' must be lower-case letters and digits joined by '.', '_' or '-'"),
        (["a.py": "@dsl.component(target_image=IMAGE)\ndef f() -> int:\n    return 1\n"],
         "FOLDER/a.py:1: error: 'target_image' of component 'f' is the name 'IMAGE', which is not bound to a literal at the module's top level; kfp component build reads the source without running it"),
    ])
    func refusals(files: [String: String], message: String) throws {
        let folder = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try PythonComponentsBuild(folder: folder)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == message.replacingOccurrences(of: "FOLDER", with: folder.standardizedFileURL.path))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Dockerfile").path))
    }
}
