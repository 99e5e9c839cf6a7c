import Foundation

/// Slurm's own cost for trivial jobs: `sbatch --parsable --wrap true` for each job (a chain's jobs
/// with `--dependency=afterok:` on the one before), all submitted at once, then `squeue` every
/// 100 ms until none of them is left.
struct SbatchFloor {
    let folder: URL

    /// Seconds from the first submission until the last job left the queue.
    ///
    /// - Throws: ``SbatchError`` with the command's output when sbatch or squeue fails.
    func measure(jobs count: Int, chained: Bool) async throws -> Double {
        let name = "kfp-floor-\(UUID().uuidString.prefix(8))"
        let start = DispatchTime.now().uptimeNanoseconds
        var previous: String?
        for _ in 0..<count {
            var arguments = ["sbatch", "--parsable", "--job-name", name, "--output", "/dev/null", "--chdir", folder.path]
            if chained, let previous { arguments += ["--dependency", "afterok:\(previous)"] }
            let id = try await Self.output(arguments + ["--wrap", "true"])
            previous = id.split(separator: ";").first.map(String.init)
        }
        while try await !Self.output(["squeue", "--noheader", "--name", name, "--format", "%i"]).isEmpty {
            try await Task.sleep(for: .milliseconds(100))
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Runs `arguments` (looked up on PATH) and returns its trimmed standard output.
    static func output(_ arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = await Task.detached { pipe.fileHandleForReading.readDataToEndOfFile() }.value
        let status: Int32 = await Task.detached { process.waitUntilExit(); return process.terminationStatus }.value
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard status == 0 else { throw SbatchError(message: "\(arguments.joined(separator: " ")) exited \(status): \(text)") }
        return text
    }
}

struct SbatchError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
