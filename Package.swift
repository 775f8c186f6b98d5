// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: ptero -> PteroRuntime -> (PteroLang, PteroKit).
// PteroLang and PteroKit never import each other.
let package = Package(
    name: "ptero",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ptero", targets: ["ptero"]),
        .library(name: "PteroLang", targets: ["PteroLang"]),
        .library(name: "PteroKit", targets: ["PteroKit"]),
        .library(name: "PteroSim", targets: ["PteroSim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.26.0"),
        // TLS for the console websocket (wss://); already built for AsyncHTTPClient.
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.29.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
        // The simulated node's console websocket (Wings' /api/servers/{uuid}/ws) on the sim's listener.
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "PteroLang"),
        .target(
            name: "PteroKit",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                // The typed errors of a failed connect and of a too-large
                // compressed answer (both already built for AsyncHTTPClient).
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                // The console websocket client (Console/): NIO's websocket codec and TLS,
                // because swift-websocket's WSClient always sends its own Origin first.
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "PteroSim",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                // HTTPServerBuilder, to put an idle guard in front of the websocket upgrade channel.
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                // To stop serving gracefully: a cancelled Hummingbird server logs errors.
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // The console websocket Wings serves, on the sim's own listener.
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                // To answer a refused console upgrade as Wings does (RefusedUpgradeAsRequest).
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(name: "PteroRuntime", dependencies: ["PteroLang", "PteroKit"]),
        .executableTarget(
            name: "ptero",
            dependencies: [
                "PteroLang", "PteroKit", "PteroRuntime", "PteroSim", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
            // Release builds link the Swift libraries in (`--static-swift-stdlib`
            // in scripts/install and the benchmarks): binding a dozen shared
            // libraries' symbols took most of a release build's start-up.
        ),
        .testTarget(name: "PteroLangTests", dependencies: ["PteroLang"], exclude: []),
        .testTarget(
            name: "PteroKitTests",
            dependencies: [
                "PteroKit", "PteroSim",
                // Misbehaving TCP servers for the transport's tests.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "PteroSimTests",
            dependencies: [
                "PteroSim",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                // A websocket client for the console tests.
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            ]
        ),
        .testTarget(name: "PteroRuntimeTests", dependencies: ["PteroRuntime", "PteroLang", "PteroKit", "PteroSim"]),
        .testTarget(name: "pteroTests", dependencies: ["PteroLang"]),
    ]
)
