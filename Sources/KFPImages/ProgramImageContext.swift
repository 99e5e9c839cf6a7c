import Foundation

/// The build context of an image that holds a Swift program, so that the tasks of its Swift
/// components run it in a container: the program and the resource bundles beside it go to
/// `/usr/local/bin/`, and every shared library it links that is not part of the C library (the
/// Swift runtime, Foundation, and the system libraries it uses, as `ldd` lists them) to
/// `/usr/local/lib/PROGRAM/`, which `LD_LIBRARY_PATH` names (copying them to their own paths could
/// replace a base image's `/lib` symbolic link with a folder). A program built with
/// `--static-swift-stdlib` needs fewer.
///
/// The base image must have a C library at least as new as this machine's (Debian bookworm's
/// `debian:bookworm-slim` for a program built on bookworm).
package struct ProgramImageContext: Sendable {
    /// The context folder (`Dockerfile`, `bin/`, `lib/`).
    package let folder: URL
    /// The program's path in the image.
    package let programPath: String
    /// The libraries copied, by their path on this machine.
    package let libraries: [String]

    /// The C library's own objects, which must come from the base image.
    static let cLibrary = ["ld-linux", "libc.so", "libm.so", "libpthread.so", "libdl.so", "librt.so", "libresolv.so", "libutil.so", "linux-vdso"]

    /// Writes the context for `program` with `base` into `folder` (made if missing).
    ///
    /// - Throws: ``ImageBuildError`` (`invalidInput`) when the program is missing, `ldd` cannot
    ///   list its libraries, or a file cannot be copied.
    package static func make(program: URL, base: String, in folder: URL) async throws(ImageBuildError) -> ProgramImageContext {
        let files = FileManager.default
        guard files.isExecutableFile(atPath: program.path) else {
            throw ImageBuildError(.invalidInput, "the program \(program.path) does not exist or is not executable")
        }
        let libraries = try await linkedLibraries(of: program)
        let name = program.lastPathComponent
        do {
            let bin = folder.appendingPathComponent("bin")
            try files.createDirectory(at: bin, withIntermediateDirectories: true)
            try files.copyItem(at: program, to: bin.appendingPathComponent(name))
            let siblings = try files.contentsOfDirectory(atPath: program.deletingLastPathComponent().path)
            for bundle in siblings.sorted() where bundle.hasSuffix(".resources") {
                try files.copyItem(
                    at: program.deletingLastPathComponent().appendingPathComponent(bundle), to: bin.appendingPathComponent(bundle))
            }
            let lib = folder.appendingPathComponent("lib")
            try files.createDirectory(at: lib, withIntermediateDirectories: true)
            for library in libraries {
                let source = URL(fileURLWithPath: library)
                try files.copyItem(at: source.resolvingSymlinksInPath(), to: lib.appendingPathComponent(source.lastPathComponent))
            }
            var dockerfile = "FROM \(base)\n"
            if !libraries.isEmpty {
                dockerfile += "COPY lib/ /usr/local/lib/\(name)/\nENV LD_LIBRARY_PATH=/usr/local/lib/\(name)\n"
            }
            dockerfile += "COPY bin/ /usr/local/bin/\n"
            try dockerfile.write(to: folder.appendingPathComponent("Dockerfile"), atomically: true, encoding: .utf8)
        } catch {
            throw ImageBuildError(.invalidInput, "cannot write the build context of \(program.path) in \(folder.path): \(error.localizedDescription)")
        }
        return ProgramImageContext(folder: folder, programPath: "/usr/local/bin/\(name)", libraries: libraries)
    }

    /// The absolute paths `ldd` resolves for `program`, the C library's own left out; none for a
    /// static program.
    static func linkedLibraries(of program: URL) async throws(ImageBuildError) -> [String] {
        let finished = try await EngineProcess(program: URL(fileURLWithPath: "/usr/bin/ldd"), environment: [:], output: .discarded)
            .run([program.path])
        if finished.transcript.contains("not a dynamic executable") { return [] }
        guard finished.succeeded else {
            throw ImageBuildError(.invalidInput, "ldd cannot list the libraries of \(program.path): \(finished.reason ?? finished.ending)")
        }
        var paths: [String] = []
        for line in finished.standardOutput.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ")
            if line.contains("=> not found") {
                throw ImageBuildError(.invalidInput, "\(program.path) links a library this machine does not have: \(line.trimmingCharacters(in: .whitespaces))")
            }
            guard let arrow = fields.firstIndex(of: "=>"), arrow + 1 < fields.count else { continue }
            let path = String(fields[arrow + 1])
            let file = URL(fileURLWithPath: path).lastPathComponent
            if path.hasPrefix("/"), !cLibrary.contains(where: { file.hasPrefix($0) }) { paths.append(path) }
        }
        return paths
    }
}
