import Foundation

/// Peak resident set size of this process (`VmHWM` on Linux, `getrusage` elsewhere).
enum PeakMemory {
    static func residentMegabytes() -> Double {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        {
            return kilobytes / 1024
        }
        return 0
    }
}
