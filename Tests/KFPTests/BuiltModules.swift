import Foundation
import KFPTestSupport
import Testing

/// Where the build put the package's modules.
enum BuiltModules {
    /// `.build/debug/Modules` beside the test binary, when it holds `KFP.swiftmodule` and swiftc is on PATH.
    static let folder: URL? = {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("Modules")
        let built = FileManager.default.fileExists(atPath: folder.appendingPathComponent("KFP.swiftmodule").path)
        return built && ContainerEngines.onPath("swiftc") != nil ? folder : nil
    }()

    /// The C modules the package's dependencies declare (Yams's `CYaml`, ZIPFoundation's `CZLib`,
    /// ...), which importing `KFP` needs.
    static func moduleMaps(beside modules: URL) -> [String] {
        let files = FileManager.default
        var maps: [URL] = []
        let checkouts = TestEnvironment.packageRoot.appendingPathComponent(".build/checkouts")
        if let enumerator = files.enumerator(at: checkouts, includingPropertiesForKeys: nil) {
            maps += enumerator.compactMap { $0 as? URL }
                .filter { $0.lastPathComponent == "module.modulemap" && $0.path.contains("/Sources/") && !$0.path.contains("/Tests/") }
        }
        let build = modules.deletingLastPathComponent()
        for folder in (try? files.contentsOfDirectory(atPath: build.path)) ?? [] where folder.hasSuffix(".build") {
            let map = build.appendingPathComponent(folder).appendingPathComponent("module.modulemap")
            if files.fileExists(atPath: map.path) { maps.append(map) }
        }
        return maps.flatMap { ["-Xcc", "-fmodule-map-file=\($0.path)"] }
    }

    /// Type-checks `source` with swiftc against the built modules (as a library file when it
    /// declares `@main`, else as a program's top-level code).
    static func typeCheck(_ source: String, modules: URL) async throws -> ProgramRun {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kfp-typecheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let isLibrary = source.contains("@main")
        let file = folder.appendingPathComponent(isLibrary ? "snippet.swift" : "main.swift")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let swiftc = try #require(ContainerEngines.onPath("swiftc"))
        return try await ProgramRun.run(
            swiftc,
            ["-typecheck", "-swift-version", "6", "-I", modules.path] + (isLibrary ? ["-parse-as-library"] : [])
                + moduleMaps(beside: modules) + [file.path])
    }

    /// Type-checks the Swift files in `folder` together, as the sources of one more module of this
    /// package (so its `package` declarations are visible).
    static func typeCheck(filesIn folder: URL, modules: URL) async throws -> ProgramRun {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
        let swiftc = try #require(ContainerEngines.onPath("swiftc"))
        let package = try #require(packageName(beside: modules), "no -package-name for KFPSpec in the build plan")
        return try await ProgramRun.run(
            swiftc,
            ["-typecheck", "-swift-version", "6", "-parse-as-library", "-package-name", package, "-I", modules.path]
                + moduleMaps(beside: modules) + files.map { folder.appendingPathComponent($0).path })
    }

    /// The `-package-name` SwiftPM gave this package's modules (derived from the checkout's folder
    /// name), read from the build plan (`.build/debug.yaml`) beside the build folder.
    static func packageName(beside modules: URL) -> String? {
        // `<scratch>/<triple>/debug/Modules`: the plan is `<scratch>/debug.yaml`, a folder or two up.
        let configuration = modules.deletingLastPathComponent().resolvingSymlinksInPath()
        var folder = configuration.deletingLastPathComponent()
        var plan = folder.appendingPathComponent("\(configuration.lastPathComponent).yaml")
        for _ in 0..<2 where !FileManager.default.fileExists(atPath: plan.path) {
            folder = folder.deletingLastPathComponent()
            plan = folder.appendingPathComponent("\(configuration.lastPathComponent).yaml")
        }
        guard let text = try? String(contentsOf: plan, encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.contains(#""-module-name","KFPSpec""#) }),
            let flag = line.range(of: #""-package-name",""#)
        else { return nil }
        return line[flag.upperBound...].split(separator: "\"").first.map(String.init)
    }
}
