import Foundation
@testable import KFPServer

/// Cron expressions of recurring runs: parsing, and the next few fire times from a fixed instant.
enum CronHarness {
    static func run(_ data: Data) {
        guard let cron = try? CronExpression(String(decoding: data, as: UTF8.self)) else { return }
        var date = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        for _ in 0..<3 {
            guard let next = cron.next(after: date) else { return }
            date = next
        }
    }
}
