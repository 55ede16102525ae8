// swift-tools-version: 6.1
// galley: news-article markup → typeset PDF, SVG and PNG pages.
//
// Stages, imported one way only:
//   GalleyMarkup (bytes → document + diagnostics)
//   → GalleyTypography (normalization, hyphenation, line breaking)
//   → GalleyLayout (document + template → pages of frames), with GalleyPanels plugged in
//   → GalleyRender (frames → Cairo PDF/SVG/PNG)
// GalleyPreview builds the HTML preview and serves it live (its own small HTTP server).
// GalleyCore is the shared vocabulary (geometry, spans, diagnostics, frame tree);
// GalleyText wraps Pango shaping; Galley is the pipeline facade; GalleyCommand is the CLI.
import PackageDescription

let package = Package(
    name: "galley",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Galley", targets: ["Galley"]),
        .executable(name: "galley", targets: ["GalleyCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPangoCairo", path: "Sources/CPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .systemLibrary(
            name: "CHyphen", path: "Sources/CHyphen",
            providers: [.apt(["libhyphen-dev"])]),
        .systemLibrary(
            name: "CHunspell", path: "Sources/CHunspell", pkgConfig: "hunspell",
            providers: [.apt(["libhunspell-dev", "hunspell-ru", "hunspell-en-us"])]),
        .systemLibrary(
            name: "CRsvg", path: "Sources/CRsvg", pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev"])]),
        .systemLibrary(
            name: "CGdkPixbuf", path: "Sources/CGdkPixbuf", pkgConfig: "gdk-pixbuf-2.0",
            providers: [.apt(["libgdk-pixbuf-2.0-dev"])]),
        .systemLibrary(
            name: "CUchardet", path: "Sources/CUchardet", pkgConfig: "uchardet",
            providers: [.apt(["libuchardet-dev"])]),

        .systemLibrary(
            name: "CQPDF", path: "Sources/CQPDF", pkgConfig: "libqpdf",
            providers: [.apt(["libqpdf-dev"])]),

        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),

        // Chooses the zlib level of cairo's PDF streams (see its source for why and how).
        .target(name: "CDeflateLevel", linkerSettings: [.linkedLibrary("z")]),

        .target(name: "GalleyCore"),
        .target(name: "GalleyMarkup", dependencies: ["GalleyCore", "CUchardet", "CHunspell"]),
        .target(name: "GalleyTypography", dependencies: ["GalleyCore", "GalleyMarkup", "CHyphen"]),
        .target(name: "GalleyText", dependencies: ["GalleyCore", "CPangoCairo"]),
        .target(name: "GalleyPanels", dependencies: ["GalleyCore", "GalleyText", "CPangoCairo", "CGdkPixbuf", "CRsvg"]),
        .target(
            name: "GalleyLayout",
            dependencies: ["GalleyCore", "GalleyMarkup", "GalleyTypography", "GalleyText", "GalleyPanels"]),
        .target(
            name: "GalleyTemplates",
            dependencies: ["GalleyCore", "GalleyLayout", "GalleyText", .product(name: "TOMLKit", package: "TOMLKit")],
            // The built-in templates, compiled into the binary (`templates/` at the root links here).
            resources: [
                .embedInCode("Builtin/broadsheet.toml"),
                .embedInCode("Builtin/default.toml"),
                .embedInCode("Builtin/newspaper.toml"),
                .embedInCode("Builtin/screen.toml"),
            ]),
        .target(
            name: "GalleyRender",
            dependencies: ["GalleyCore", "CPangoCairo", "CRsvg", "CGdkPixbuf", "CDeflateLevel", "CQPDF"]),
        .target(
            name: "Galley",
            dependencies: [
                "GalleyCore", "GalleyMarkup", "GalleyTypography", "GalleyText", "GalleyPanels",
                "GalleyLayout", "GalleyRender", "GalleyTemplates", "CPangoCairo", "CSQLite",
            ]),
        .target(
            name: "GalleyPreview",
            dependencies: [
                "Galley", "GalleyCore", "GalleyLayout",
            ]),
        .executableTarget(
            name: "GalleyCommand",
            dependencies: [
                "Galley", "GalleyTemplates", "GalleyPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .testTarget(name: "GalleyMarkupTests", dependencies: ["GalleyMarkup"]),
        .testTarget(name: "GalleyTypographyTests", dependencies: ["GalleyTypography", "GalleyMarkup"]),
        .testTarget(name: "GalleyPanelsTests", dependencies: ["GalleyPanels", "GalleyText"]),
        .testTarget(name: "GalleyLayoutTests", dependencies: ["Galley"]),
        .testTarget(name: "GalleyTemplatesTests", dependencies: ["GalleyTemplates", "GalleyLayout"]),
        .testTarget(name: "GalleyEndToEndTests", dependencies: ["Galley", "CPangoCairo"]),
        // Goldens: every line of the samples and the real articles, against Tests/Goldens/.
        .testTarget(name: "GalleyGoldenTests", dependencies: ["Galley", "GalleyTemplates", "GalleyCore"]),
    ]
)
