import Foundation

/// The run page's load time in headless Chromium, measured by `ui_page_timing.py` (Selenium) from
/// the page's Navigation Timing entry. Skipped, with a notice, when Chromium, chromedriver or a
/// Python with `selenium` is missing.
enum BrowserTiming {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static let loads = 10
    static let goalMilliseconds = 1_000.0

    /// The script's answer: p50 and max of each figure, in milliseconds, over `loads` page loads.
    struct Figures: Decodable {
        struct Spread: Decodable {
            let p50: Double
            let max: Double
        }

        let loads: Int
        let nodes: Int
        let browser: String
        let response: Spread
        let domContentLoaded: Spread
        let load: Spread

        enum CodingKeys: String, CodingKey {
            case loads, nodes, browser
            case response = "response_ms", domContentLoaded = "dom_content_loaded_ms", load = "load_ms"
        }
    }

    /// The package root (this file is `Benchmarks/ServerBenchmark/BrowserTiming.swift`).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Loads `url` `loads` times and prints the figures and whether the page met the < 1 s goal.
    ///
    /// - Throws: ``BenchmarkError`` when the script fails or the browser saw another node count.
    static func report(url: String, expectedNodes: Int) async throws {
        let script = packageRoot.appendingPathComponent("Benchmarks/ServerBenchmark/ui_page_timing.py").path
        guard let python = await python() else { return }
        let files = FileManager.default
        for (tool, path) in [("chromium", chromium), ("chromedriver", chromedriver)] where !files.isExecutableFile(atPath: path) {
            print("    browser timing skipped: no \(tool) at \(path) (apt packages chromium, chromium-driver)")
            return
        }
        let (status, output) = try await launch(python, [
            script, url, "--loads", "\(loads)", "--chromium", chromium, "--chromedriver", chromedriver,
        ])
        guard status == 0 else {
            throw BenchmarkError("\(python) \(script) exited with status \(status): \(String(decoding: output.prefix(500), as: UTF8.self))")
        }
        let figures: Figures
        do {
            figures = try JSONDecoder().decode(Figures.self, from: output)
        } catch {
            throw BenchmarkError("ui_page_timing.py printed unexpected output: \(String(decoding: output.prefix(500), as: UTF8.self))")
        }
        guard figures.nodes == expectedNodes else {
            throw BenchmarkError("the browser found \(figures.nodes) graph nodes on \(url), expected \(expectedNodes)")
        }
        print("    in headless \(figures.browser), \(figures.loads) loads (Navigation Timing, p50 / max):")
        for (label, spread) in [
            ("responseEnd - requestStart", figures.response),
            ("domContentLoadedEventEnd - startTime", figures.domContentLoaded),
            ("loadEventEnd - startTime", figures.load),
        ] {
            let column = label.padding(toLength: 38, withPad: " ", startingAt: 0)
            print(String(format: "      %@ %7.1f ms / %7.1f ms", column, spread.p50, spread.max))
        }
        let met = figures.load.p50 < goalMilliseconds ? "met" : "NOT met"
        print(String(format: "goal: run page of %d tasks loaded in < 1 s: %@ (p50 %.0f ms)", expectedNodes, met, figures.load.p50))
    }

    /// `$KFP_UI_PYTHON`, else `.venv-oracle/bin/python` in the package root, if it imports
    /// `selenium`; nil (after printing why) otherwise.
    static func python() async -> String? {
        let environment = ProcessInfo.processInfo.environment["KFP_UI_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
        let python = environment ?? packageRoot.appendingPathComponent(".venv-oracle/bin/python").path
        let origin = environment == nil ? "(set KFP_UI_PYTHON to another)" : "(KFP_UI_PYTHON)"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            print("    browser timing skipped: no python at \(python) \(origin)")
            return nil
        }
        guard let (status, _) = try? await launch(python, ["-c", "import selenium"], quiet: true), status == 0 else {
            print("    browser timing skipped: \(python) \(origin) cannot import selenium (pip install selenium)")
            return nil
        }
        return python
    }

    /// Runs `executable` with `arguments` off the cooperative pool (the server under test shares it);
    /// returns its exit status and standard output. Standard error goes to ours unless `quiet`.
    static func launch(_ executable: String, _ arguments: [String], quiet: Bool = false) async throws -> (Int32, Data) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                let output = Pipe()
                process.standardOutput = output
                if quiet { process.standardError = FileHandle.nullDevice }
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: BenchmarkError("cannot start \(executable): \(error)"))
                    return
                }
                let data = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, data))
            }
        }
    }
}
