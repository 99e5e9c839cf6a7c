import Foundation

/// The batch script of a task's job: `#!/bin/sh`, `cd` to the task folder, then `exec` the
/// task's program with each argument single-quoted, so the shell passes every byte through as
/// written (quotes, newlines, `$`, backticks, backslashes, globs, unicode).
///
/// ```sh
/// #!/bin/sh
/// cd '/shared/root/p/run/train' || exit 1
/// exec 'python3' '-c' 'print("it'\''s")'
/// ```
enum SlurmJobScript {
    /// The script running `argv` in `workingDirectory`.
    ///
    /// - Throws: ``SlurmError`` when an argument holds a NUL character, which no program's
    ///   argument can hold.
    static func script(argv: [String], workingDirectory: String) throws(SlurmError) -> String {
        guard !argv.isEmpty else { throw SlurmError(.configuration, "the command is empty") }
        if let index = argv.firstIndex(where: { $0.contains("\u{0}") }) {
            throw SlurmError(
                .configuration, "argument \(index) of the command holds a NUL character, which a program's argument cannot hold")
        }
        return "#!/bin/sh\ncd \(quote(workingDirectory)) || exit 1\nexec \(argv.map(quote).joined(separator: " "))\n"
    }

    /// `text` as one POSIX shell word: in single quotes, each `'` written as `'\''`.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `path` as a Slurm output file pattern that names exactly `path`: `%` doubled, since Slurm
    /// expands `%j`, `%N`, ... in file names, except in a path holding a backslash, which turns
    /// the expansion off.
    static func filePattern(_ path: String) -> String {
        path.contains("\\") ? path : path.replacingOccurrences(of: "%", with: "%%")
    }
}
