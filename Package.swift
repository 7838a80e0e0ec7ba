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
        .library(name: "ToraCore", targets: ["ToraCore"]),
        .library(name: "ToraStore", targets: ["ToraStore"]),
        .library(name: "ToraJournal", targets: ["ToraJournal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
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
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
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
            name: "ToraIntegrationTests",
            dependencies: [
                "ToraJournal", "ToraCore", "ToraStore", "ToraPrint", "ToraTill", "ToraReports", "ToraTestSupport", "ToraResources",
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
