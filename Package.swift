// swift-tools-version:6.1
import PackageDescription

/// Every target is compiled in Swift 6 mode with the upcoming features the house style asks for.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "ToraSera",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tora", targets: ["tora"]),
        .executable(name: "tora-bench", targets: ["ToraBench"]),
        .executable(name: "tora-hub", targets: ["tora-hub"]),
        .executable(name: "tora-sync", targets: ["tora-sync"]),
        .library(name: "ToraCore", targets: ["ToraCore"]),
        .library(name: "ToraStore", targets: ["ToraStore"]),
        .library(name: "ToraJournal", targets: ["ToraJournal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        .target(
            name: "ToraCore",
            swiftSettings: strictSettings
        ),
        .target(
            name: "ToraJournal",
            dependencies: ["ToraCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ToraResources",
            path: "Resources",
            exclude: ["README.md"],
            sources: ["ToraResources.swift"],
            resources: [.copy("demo"), .copy("translations")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ToraStore",
            dependencies: [
                "ToraCore",
                "ToraJournal",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .systemLibrary(
            name: "CCups",
            path: "Sources/CCups"
        ),
        .target(
            name: "ToraPrint",
            dependencies: [
                "ToraCore",
                "CCups",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ToraTill",
            dependencies: [
                "ToraCore",
                "ToraStore",
                "ToraPrint",
                "ToraResources",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ToraReports",
            dependencies: ["ToraCore", "ToraStore"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "tora",
            dependencies: [
                "ToraCore",
                "ToraJournal",
                "ToraStore",
                "ToraPrint",
                "ToraTill",
                "ToraReports",
                "ToraResources",
                "ToraCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // What `tora` and `tora-sync` share: the shop and sign-in options, the one-line
        // errors and exit codes.
        .target(
            name: "ToraCommandLine",
            dependencies: [
                "ToraCore",
                "ToraStore",
                "ToraPrint",
                "ToraTill",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // `tora sync` and `tora hub`, which `tora` runs from beside itself so that the till
        // does not load the HTTP client (docs/performance.md, "The till's memory lost again").
        .executableTarget(
            name: "tora-sync",
            dependencies: [
                "ToraCore",
                "ToraJournal",
                "ToraStore",
                "ToraSync",
                "ToraCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ToraHub",
            dependencies: [
                "ToraCore",
                "ToraJournal",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "tora-hub",
            dependencies: [
                "ToraCore",
                "ToraHub",
                "ToraReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ToraSync",
            dependencies: [
                "ToraCore",
                "ToraJournal",
                "ToraStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "RawSQLiteBaseline",
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        .executableTarget(
            name: "ToraBench",
            dependencies: [
                "ToraCore",
                "ToraJournal",
                "ToraStore",
                "RawSQLiteBaseline",
                "ToraTestSupport", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ToraTestSupport",
            dependencies: ["ToraCore", "ToraStore", "ToraPrint", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ToraCoreTests",
            dependencies: ["ToraCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ToraStoreTests",
            dependencies: ["ToraJournal", "ToraCore", "ToraStore", "ToraTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ToraTillTests",
            dependencies: [
                "ToraJournal",
                "ToraCore", "ToraStore", "ToraTill", "ToraResources", "ToraTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ToraPrintTests",
            dependencies: ["ToraCore", "ToraJournal", "ToraStore", "ToraPrint", "ToraTestSupport"],
            resources: [.copy("Golden")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ToraReportsTests",
            dependencies: ["ToraCore", "ToraTestSupport"],
            resources: [.copy("Golden")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ToraHubTests",
            dependencies: [
                "ToraCore", "ToraJournal", "ToraHub", "ToraStore", "ToraTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ToraIntegrationTests",
            dependencies: [
                "ToraJournal", "ToraCore", "ToraStore", "ToraPrint", "ToraTill", "ToraReports", "ToraTestSupport", "ToraResources",
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
