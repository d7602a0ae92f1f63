// swift-tools-version:6.1

import PackageDescription

// Linux only: the code calls Glibc, Linux's pthread and /proc, and libzmq through Debian's
// libzmq3-dev; no Apple platform is claimed.
let package = Package(
    name: "copydesk",
    products: [
        .executable(name: "copydesk", targets: ["CopydeskCLI"]),
        .library(name: "ZeroMQ", targets: ["ZeroMQ"]),
        .library(name: "NewsAnalysis", targets: ["NewsAnalysis"]),
        .library(name: "WebArticle", targets: ["WebArticle"]),
        .library(name: "JSONOutput", targets: ["JSONOutput"]),
        .library(name: "Copydesk", targets: ["Copydesk"]),
        .library(name: "CopydeskAnalysis", targets: ["CopydeskAnalysis"]),
        .library(name: "CopydeskReport", targets: ["CopydeskReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // libzmq, as Debian's libzmq3-dev installs it.
        .systemLibrary(
            name: "CZMQ",
            providers: [.apt(["libzmq3-dev"])]
        ),
        // The same transport loop in plain C, so `copydesk bench transport` can show what the wrapper costs.
        .target(name: "CZMQBench", dependencies: ["CZMQ"]),
        .target(name: "ZeroMQ", dependencies: ["CZMQ"]),
        // JSON text written straight into bytes, for the report and the pipeline's records.
        .target(name: "JSONOutput"),
        // Web pages in: bytes of any encoding to an article's text and metadata, with a map back into the page.
        .target(name: "WebArticle", exclude: ["Tools"]),
        .target(
            name: "NewsAnalysis",
            dependencies: ["JSONOutput", "WebArticle"],
            exclude: ["Tools"],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "Copydesk",
            dependencies: [
                "ZeroMQ",
                "JSONOutput",
                "WebArticle",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            exclude: ["Protocol/PROTOCOL.md"]
        ),
        // The analyzer as the pipeline's stage: the one place Copydesk and NewsAnalysis meet.
        .target(name: "CopydeskAnalysis", dependencies: ["Copydesk", "NewsAnalysis", "JSONOutput"]),
        // `copydesk report`'s self-contained HTML page of a results file.
        .target(name: "CopydeskReport", dependencies: ["Copydesk", "NewsAnalysis"]),
        .executableTarget(
            name: "CopydeskCLI",
            dependencies: [
                "Copydesk",
                "CopydeskAnalysis",
                "CopydeskReport",
                "CZMQBench",
                "JSONOutput",
                "NewsAnalysis",
                "WebArticle",
                "ZeroMQ",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Fuzz targets for what meets untrusted bytes (Sources/CopydeskFuzz/README.md).
        .executableTarget(
            name: "CopydeskFuzz",
            dependencies: ["Copydesk", "NewsAnalysis", "WebArticle", "ZeroMQ"],
            exclude: ["README.md", "Regressions", "Seeds"]
        ),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"]),
        .testTarget(name: "JSONOutputTests", dependencies: ["JSONOutput"]),
        .testTarget(name: "NewsAnalysisTests", dependencies: ["NewsAnalysis", "JSONOutput", "WebArticle"]),
        .testTarget(name: "WebArticleTests", dependencies: ["WebArticle"], resources: [.copy("Pages")]),
        .testTarget(
            name: "CopydeskTests",
            dependencies: [
                "Copydesk", "CopydeskAnalysis", "CopydeskCLI", "CopydeskFuzz", "CopydeskReport", "NewsAnalysis", "ZeroMQ", "JSONOutput",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ]
        ),
    ]
)

for target in package.targets where target.type != .system && target.name != "CZMQBench" {
    var settings = target.swiftSettings ?? []
    // Require `any` for existential types.
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    // Only what a file imports is visible in it.
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
