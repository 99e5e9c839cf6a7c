import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs an engine program (`podman`, `docker`, `buildah`) with swift-subprocess: its
/// standard output and error are read as they come, passed on to ``ImageBuildOutput`` line by line
/// and kept (the last 64 KiB) for the reason of a failure.
struct EngineProcess: Sendable {
    /// How one run ended, and what it printed.
    struct Finished: Sendable {
        /// The exit status, or `nil` when a signal stopped the program.
        var exitStatus: Int32?
        /// What it printed on standard output.
        var standardOutput: String
        /// Standard output and error, interleaved as read (the last 64 KiB).
        var transcript: String
        /// Standard error alone (the last 64 KiB).
        var standardError: String

        var succeeded: Bool { exitStatus == 0 }

        /// `exit status N` or `a signal`, for messages.
        var ending: String { exitStatus.map { "exit status \($0)" } ?? "stopped by a signal" }

        /// The engine's own reason, from standard error (else from both streams): the last line
        /// that says `error` (without a leading `Error: `), else the last line; `nil` when it
        /// printed nothing.
        var reason: String? {
            let text = standardError.contains(where: { !$0.isWhitespace }) ? standardError : transcript
            let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard let line = lines.last(where: { $0.lowercased().contains("error") }) ?? lines.last else { return nil }
            return line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
        }
    }

    let program: URL
    /// Variables set on top of this process's environment.
    let environment: [String: String]
    let output: ImageBuildOutput

    static let transcriptLimit = 64 * 1024

    /// Runs the program with `arguments` in `directory` (this process's own when `nil`).
    ///
    /// - Throws: ``ImageBuildError`` (`engineMissing`) when the program cannot be started.
    func run(_ arguments: [String], in directory: URL? = nil) async throws(ImageBuildError) -> Finished {
        var overrides: [Environment.Key: String?] = [:]
        for (key, value) in environment { overrides[Environment.Key(stringLiteral: key)] = value }
        // The engine stays in this process's group, so Ctrl-C at a terminal reaches it too;
        // cancelling the Swift task asks it to stop (SIGTERM, then SIGKILL after 5 s).
        var platform = PlatformOptions()
        platform.teardownSequence = [.gracefulShutDown(allowedDurationToNextStep: .seconds(5))]
        let sink = LineSink(output: output)
        do {
            let result = try await Subprocess.run(
                .path(FilePath(program.path)), arguments: Arguments(arguments), environment: .inherit.updating(overrides),
                workingDirectory: directory.map { FilePath($0.path) }, platformOptions: platform, input: .none,
                output: .sequence, error: .sequence
            ) { execution in
                async let errors: Void = sink.drain(execution.standardError, keepingOutput: false)
                try await sink.drain(execution.standardOutput, keepingOutput: true)
                try await errors
            }
            let status: Int32?
            switch result.terminationStatus {
            case .exited(let code): status = code
            case .signaled: status = nil
            }
            let collected = await sink.collected()
            return Finished(
                exitStatus: status, standardOutput: collected.output, transcript: collected.transcript, standardError: collected.errors)
        } catch {
            throw ImageBuildError(.engineMissing, "cannot start '\(program.path)': \(error)")
        }
    }
}

/// Collects an engine's output: standard output in full (it is short: an id, a digest), the
/// transcript of both streams bounded, and whole lines passed to the ``ImageBuildOutput``.
private actor LineSink {
    let output: ImageBuildOutput
    private var standardOutput: [UInt8] = []
    private var transcript: [UInt8] = []
    private var standardError: [UInt8] = []
    private var pending: [Bool: [UInt8]] = [:]

    init(output: ImageBuildOutput) {
        self.output = output
    }

    nonisolated func drain(_ sequence: SubprocessOutputSequence, keepingOutput: Bool) async throws {
        for try await buffer in sequence {
            let bytes = buffer.withUnsafeBytes { Array($0) }
            await append(bytes, isOutput: keepingOutput)
        }
        await flush(isOutput: keepingOutput)
    }

    private func append(_ bytes: [UInt8], isOutput: Bool) {
        if isOutput { standardOutput += bytes } else { Self.append(bytes, to: &standardError) }
        Self.append(bytes, to: &transcript)
        var line = pending[isOutput, default: []]
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                output.emit(String(decoding: line, as: UTF8.self))
                line = []
            } else {
                line.append(byte)
            }
        }
        pending[isOutput] = line
    }

    private func flush(isOutput: Bool) {
        if let line = pending[isOutput], !line.isEmpty { output.emit(String(decoding: line, as: UTF8.self)) }
        pending[isOutput] = []
    }

    /// Appends to a bounded buffer (cut back to the limit when twice over it).
    private static func append(_ bytes: [UInt8], to buffer: inout [UInt8]) {
        buffer += bytes
        if buffer.count > 2 * EngineProcess.transcriptLimit { buffer.removeFirst(buffer.count - EngineProcess.transcriptLimit) }
    }

    func collected() -> (output: String, transcript: String, errors: String) {
        func text(_ bytes: [UInt8]) -> String { String(decoding: bytes.suffix(EngineProcess.transcriptLimit), as: UTF8.self) }
        return (String(decoding: standardOutput, as: UTF8.self), text(transcript), text(standardError))
    }
}
