// swift-tools-version:6.0
import PackageDescription

/// The simulation layers are numeric loops that run 10–50× slower unoptimised; compiling
/// them with -O in debug builds keeps `swift test` (which builds debug) fast. Tests still
/// use `@testable import`, which debug builds enable.
let optimizedEvenInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

/// The per-step loops (engine kernels, the critic, a subject's senses) touch class
/// properties in every step; dynamic exclusivity checks on those cost ~6 % of a small
/// circuit's step in the engine and ~10 % of a closed-loop subject's. These layers never
/// overlap such accesses (each work item owns disjoint buffers; a subject is stepped by one
/// thread), so the checks are turned off in the simulation targets.
///
/// They are also compiled for the CPU that builds them (`-target-cpu native`): Praxis is
/// built from source where it runs, and on the x86-64 baseline every eight-lane SIMD
/// operation is split in two SSE halves. On this project's 2-core AMD EPYC host the P2
/// subject ran 10.4–12.8 s against 12.6–14.1 s for the baseline build (three runs each,
/// interleaved) with byte-identical trials: lane-wise arithmetic is unchanged, and Swift
/// does not fuse multiply–adds unless asked.
let simulationSettings: [SwiftSetting] = optimizedEvenInDebug + [
    .unsafeFlags(["-enforce-exclusivity=unchecked"]),
    .unsafeFlags(["-target-cpu", "native"], .when(platforms: [.linux])),
]

/// Praxis: an in-silico motor-learning laboratory.
/// One target per layer of ARCHITECTURE.md; dependencies point up the diagram.
let package = Package(
    name: "Praxis",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "PraxisEngine", targets: ["PraxisEngine"]),
        .library(name: "PraxisCircuit", targets: ["PraxisCircuit"]),
        .library(name: "PraxisTasks", targets: ["PraxisTasks"]),
        .library(name: "PraxisClinic", targets: ["PraxisClinic"]),
        .library(name: "PraxisLab", targets: ["PraxisLab"]),
        .executable(name: "praxis", targets: ["praxis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "PraxisEngine", swiftSettings: simulationSettings),
        .target(
            name: "PraxisCircuit",
            dependencies: ["PraxisEngine", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/default-circuit.yaml")],
            swiftSettings: simulationSettings
        ),
        .target(name: "PraxisTasks", dependencies: ["PraxisCircuit", .product(name: "Yams", package: "Yams")],
                swiftSettings: simulationSettings),
        .target(name: "PraxisClinic", dependencies: ["PraxisCircuit"]),
        .target(
            name: "PraxisLab",
            dependencies: ["PraxisClinic", "PraxisTasks", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/demo-selection.yaml"), .copy("Resources/demo-force-field.yaml")]
        ),
        .executableTarget(
            name: "praxis",
            dependencies: [
                "PraxisEngine",
                "PraxisCircuit",
                "PraxisTasks",
                "PraxisClinic",
                "PraxisLab",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PraxisEngineTests", dependencies: ["PraxisEngine"]),
        .testTarget(name: "PraxisCircuitTests", dependencies: ["PraxisCircuit"]),
        .testTarget(name: "PraxisTasksTests", dependencies: ["PraxisTasks"]),
        .testTarget(name: "PraxisLabTests", dependencies: ["PraxisLab", "PraxisClinic", "PraxisCircuit", "PraxisTasks", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
