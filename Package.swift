// swift-tools-version: 6.0
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "swift-kfp",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "KFPSpec", targets: ["KFPSpec"]),
        .library(name: "KFP", targets: ["KFP"]),
        .library(name: "KFPCompiler", targets: ["KFPCompiler"]),
        .library(name: "KFPLocal", targets: ["KFPLocal"]),
        .library(name: "KFPImages", targets: ["KFPImages"]),
        .library(name: "KFPSlurm", targets: ["KFPSlurm"]),
        .library(name: "KFPAPI", targets: ["KFPAPI"]),
        .library(name: "KFPServer", targets: ["KFPServer"]),
        .library(name: "KFPClient", targets: ["KFPClient"]),
        .library(name: "KubeflowPipelines", targets: ["KubeflowPipelines"]),
        .library(name: "KFPCommands", targets: ["KFPCommands"]),
        .executable(name: "kfp", targets: ["kfp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "KFPSpec",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: upcoming
        ),
        // A reader of Python source (tokens, expressions, literals, signatures, docstrings) for
        // the DSL's Python function components.
        .target(name: "KFPPythonSource", swiftSettings: upcoming),
        .target(name: "KFP", dependencies: ["KFPPythonSource", "KFPSpec"], swiftSettings: upcoming),
        .target(name: "KFPCompiler", dependencies: ["KFP", "KFPSpec"], swiftSettings: upcoming),
        // The CEL interpreter the runner evaluates trigger conditions and field selectors with.
        .target(name: "KFPCEL", dependencies: ["KFPSpec"], swiftSettings: upcoming),
        .target(
            name: "KFPLocal",
            dependencies: [
                "KFPCEL",
                "KFPSpec",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "KFPImages",
            dependencies: ["KFPSpec", "KFP", .product(name: "Subprocess", package: "swift-subprocess")],
            swiftSettings: upcoming
        ),
        .target(
            name: "KFPSlurm",
            dependencies: [
                "KFPLocal",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: upcoming
        ),
        .target(name: "KFPAPI", dependencies: ["KFPSpec"], swiftSettings: upcoming),
        .target(
            name: "KFPClient",
            dependencies: [
                "KFPAPI", "KFPSpec",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "KFPWebUI",
            dependencies: [
                "KFPAPI", "KFPSpec",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Ink", package: "Ink"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "KFPServer",
            dependencies: [
                "KFPAPI", "KFPSpec", "KFPLocal", "KFPWebUI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "KubeflowPipelines", dependencies: ["KFP", "KFPAPI", "KFPClient", "KFPCompiler", "KFPSpec"],
            swiftSettings: upcoming),
        .target(
            name: "KFPCommands",
            dependencies: [
                "KFP",
                "KFPCompiler",
                "KFPSpec",
                "KFPLocal",
                "KFPImages",
                "KFPSlurm",
                "KFPServer",
                "KFPClient",
                "KFPAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "kfp",
            dependencies: ["KFPCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: upcoming
        ),
        .target(
            name: "IrisTutorial",
            dependencies: [
                "KFP", "KFPSpec", "KFPLocal",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Examples/IrisTutorial",
            resources: [.copy("Resources")],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "iris-tutorial",
            dependencies: [
                "IrisTutorial", "KFP", "KFPCompiler", "KFPCommands", "KFPLocal", "KFPSpec", "KFPAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/IrisTutorialTool",
            swiftSettings: upcoming
        ),
        .target(
            name: "WineClassifier",
            dependencies: ["KFP", "KFPSpec"],
            path: "Examples/WineClassifier",
            resources: [.copy("Resources")],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "wine-classifier",
            dependencies: ["WineClassifier", "KFP", "KFPCommands"],
            path: "Examples/WineClassifierTool",
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "CompileBenchmark",
            dependencies: ["KFP", "KFPCompiler", "KFPSpec"],
            path: "Benchmarks/CompileBenchmark",
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "SpecBenchmark",
            dependencies: ["KFPSpec"],
            path: "Benchmarks/SpecBenchmark",
            swiftSettings: upcoming
        ),
        .target(name: "BenchmarkSupport", dependencies: ["KFPSpec"], path: "Benchmarks/Support", swiftSettings: upcoming),
        .executableTarget(
            name: "RunnerBenchmark",
            dependencies: ["BenchmarkSupport", "KFPLocal", "KFPSpec"],
            path: "Benchmarks/RunnerBenchmark",
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "SlurmBenchmark",
            dependencies: ["BenchmarkSupport", "KFPLocal", "KFPSlurm", "KFPSpec"],
            path: "Benchmarks/SlurmBenchmark",
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "ContainerBenchmark",
            dependencies: ["BenchmarkSupport", "KFPLocal", "KFPSpec"],
            path: "Benchmarks/ContainerBenchmark",
            exclude: ["kfp_local_docker.py"],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "ServerBenchmark",
            dependencies: [
                "KFPServer", "KFPAPI", "KFPSpec", "KFP", "KFPCompiler",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Benchmarks/ServerBenchmark",
            exclude: ["ui_page_timing.py"],
            swiftSettings: upcoming
        ),
        .target(name: "KFPTestSupport", path: "Tests/KFPTestSupport", swiftSettings: upcoming),
        .testTarget(
            name: "KFPSpecTests", dependencies: ["KFPSpec", "KFPTestSupport"], exclude: ["Oracle"], swiftSettings: upcoming),
        .testTarget(name: "KFPTests", dependencies: ["KFP", "KFPSpec", "KFPTestSupport"], swiftSettings: upcoming),
        .testTarget(
            name: "KFPCompilerTests", dependencies: ["KFPCompiler", "KFP", "KFPSpec", "KFPLocal", "KFPTestSupport"],
            swiftSettings: upcoming),
        .testTarget(
            name: "IrisTutorialTests",
            dependencies: [
                "IrisTutorial", "KFPCompiler", "KFPCommands", "KFPLocal", "KFPSlurm", "KFPSpec", "KFP", "KFPTestSupport", "KFPServer",
                "KFPAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Oracle"],
            swiftSettings: upcoming),
        .testTarget(
            name: "WineClassifierTests",
            dependencies: ["WineClassifier", "KFP", "KFPCompiler", "KFPLocal", "KFPSpec", "KFPTestSupport"],
            swiftSettings: upcoming),
        .testTarget(
            name: "KFPCLITests",
            dependencies: ["KFPServer", "KFPSpec", "KFP", "KFPCompiler", "KubeflowPipelines", "KFPTestSupport"],
            swiftSettings: upcoming),
        .testTarget(name: "KFPWebUITests", dependencies: ["KFPWebUI", "KFPAPI", "KFPSpec", "KFPTestSupport"], swiftSettings: upcoming),
        .testTarget(name: "KFPAPITests", dependencies: ["KFPAPI", "KFPSpec"], swiftSettings: upcoming),
        .testTarget(
            name: "KFPServerTests",
            dependencies: [
                "KFPServer", "KFPAPI", "KFPSpec", "KFP", "KFPCompiler", "KFPTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Oracle"],
            swiftSettings: upcoming),
        .testTarget(
            name: "KFPClientTests",
            dependencies: [
                "KFPClient", "KFPServer", "KFPAPI", "KFPSpec", "KFP", "KFPCompiler", "KFPTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: upcoming),
        .testTarget(
            name: "KFPImagesTests",
            dependencies: ["KFPImages", "KFP", "KFPCompiler", "KFPLocal", "KFPSpec", "KFPTestSupport"],
            swiftSettings: upcoming),
        .testTarget(name: "KFPCELTests", dependencies: ["KFPCEL", "KFPSpec"], swiftSettings: upcoming),
        .testTarget(
            name: "KFPLocalTests", dependencies: ["KFPLocal", "KFPSlurm", "KFPSpec", "KFPTestSupport"], exclude: ["Oracle"],
            swiftSettings: upcoming),
        .testTarget(
            name: "KFPSlurmTests",
            dependencies: [
                "KFPSlurm", "KFPLocal", "KFPSpec", "KFP", "KFPCompiler", "KFPTestSupport",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: upcoming),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer harnesses (Fuzz/), only when KFP_FUZZ=1: `scripts/fuzz.sh` builds them with
// `-sanitize=fuzzer,address` in its own scratch path (scripts/fuzz.sh), so they never touch the normal build.
if Context.environment["KFP_FUZZ"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "KFPFuzz",
            dependencies: [
                "KFPSpec", "KFPCEL", "KFPLocal", "KFPAPI", "KFPServer",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Fuzz/Sources/KFPFuzz",
            swiftSettings: upcoming
        ))
}
