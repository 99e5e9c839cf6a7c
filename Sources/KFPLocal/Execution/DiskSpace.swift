import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the filesystem holding a task's folder is full, to say so when the task fails: a
/// program that cannot write its outputs usually reports only its own error (or none, when even
/// its log cannot grow).
enum DiskSpace {
    /// Below this many free bytes a filesystem counts as full (a task's small files no longer fit).
    static let fullBelow: UInt64 = 64 << 10

    /// `the disk is full: /mnt/root (the filesystem of /mnt/root/p/run/task) has 0 bytes free of 4 MiB`,
    /// or nil when `folder`'s filesystem has room (or cannot be examined).
    static func fullNote(for folder: URL) -> String? {
        guard let existing = nearestExisting(folder.standardizedFileURL) else { return nil }
        var stats = statvfs()
        guard statvfs(existing.path, &stats) == 0 else { return nil }
        let blockSize = UInt64(stats.f_frsize)
        let free = UInt64(stats.f_bavail) * blockSize
        let total = UInt64(stats.f_blocks) * blockSize
        let inodesFull = stats.f_files > 0 && stats.f_favail == 0
        guard free < fullBelow || inodesFull else { return nil }
        let mount = mountPoint(of: existing)
        let what = inodesFull && free >= fullBelow ? "has no free inodes" : "has \(free) bytes free of \(sizeText(total))"
        return "the disk is full: \(mount.path) (the filesystem of \(folder.path)) \(what)"
    }

    /// `message` with the full-disk note in front when the task folder's filesystem is full.
    static func explain(_ message: String, folder: URL) -> String {
        guard let note = fullNote(for: folder) else { return message }
        return "\(note); \(message)"
    }

    private static func nearestExisting(_ url: URL) -> URL? {
        var current = url
        while !FileManager.default.fileExists(atPath: current.path) {
            guard current.pathComponents.count > 1 else { return nil }
            current = current.deletingLastPathComponent()
        }
        return current
    }

    /// The top folder of the filesystem holding `url` (the last ancestor on the same device).
    private static func mountPoint(of url: URL) -> URL {
        var current = url.resolvingSymlinksInPath()
        guard let device = deviceNumber(of: current) else { return current }
        while current.pathComponents.count > 1 {
            let parent = current.deletingLastPathComponent()
            guard deviceNumber(of: parent) == device else { break }
            current = parent
        }
        return current
    }

    /// The device a file lives on (`st_dev`).
    private static func deviceNumber(of url: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.systemNumber] as? Int
    }

    private static func sizeText(_ bytes: UInt64) -> String {
        if bytes >= 1 << 30 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 20 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
