import Foundation

/// The task processes a server killed with `kill -9` left running, found by the variable every
/// program a server's runs start carries (`KFP_SERVER_DATA_FOLDER=<data folder>`, inherited by
/// what they start) and killed at the next start, with their process groups.
///
/// Only the server holding the data folder's lock (`DataFolderLock`) looks, so every process
/// marked with its folder belongs to a server that is gone. KFP's backend gets this from
/// Kubernetes (a run's pods go with their workflow); here `/proc` is read, so it works on Linux,
/// for processes this user may inspect. Containers a killed `podman run` or `docker run` started
/// are not found this way (their engine runs them).
struct OrphanedTaskProcesses {
    static let variable = "KFP_SERVER_DATA_FOLDER"

    /// The data folder the marker names.
    let dataFolder: URL
    /// Where the process table is read (`/proc`; a test may point elsewhere).
    var processTable = URL(fileURLWithPath: "/proc", isDirectory: true)

    /// The variable to set for every task program.
    var marker: [String: String] { [Self.variable: dataFolder.path] }

    /// The marked processes other than this one: pid and process group.
    func find() -> [(pid: Int32, group: Int32)] {
        let needle = Data("\(Self.variable)=\(dataFolder.path)".utf8)
        let own = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: processTable.path)) ?? []
        return entries.compactMap { entry -> (Int32, Int32)? in
            guard let pid = Int32(entry), pid != own,
                let environment = FileManager.default.contents(atPath: processTable.appendingPathComponent("\(entry)/environ").path),
                environment.split(separator: 0).contains(where: { $0.elementsEqual(needle) }),
                let group = processGroup(of: entry)
            else { return nil }
            return (pid, group)
        }
    }

    /// SIGKILL to each marked process, and to each process group a marked process leads (each
    /// task program leads its own, so what it started goes too, marked or not); a group led by
    /// anything else (the shell that started the old server, say) is left alone. Returns the pids found.
    @discardableResult
    func killAll() -> [Int32] {
        let found = find()
        let pids = Set(found.map(\.pid))
        for group in Set(found.map(\.group)) where group > 1 && pids.contains(group) && group != getpgrp() {
            _ = kill(-group, SIGKILL)
        }
        for process in found { _ = kill(process.pid, SIGKILL) }
        return found.map(\.pid).sorted()
    }

    /// Field 5 of `/proc/PID/stat` (after the command name in parentheses, which may hold spaces).
    private func processGroup(of entry: String) -> Int32? {
        guard let stat = try? String(contentsOfFile: processTable.appendingPathComponent("\(entry)/stat").path, encoding: .utf8),
            let close = stat.range(of: ")", options: .backwards)
        else { return nil }
        let fields = stat[close.upperBound...].split(separator: " ")
        return fields.count > 2 ? Int32(fields[2]) : nil
    }
}
