// End to end: `galley preview` writes a browsable preview and serves it live.

import CPangoCairo
import Foundation
import Testing

@Suite("preview, end to end", .serialized)
struct PreviewTests {
    static let russian = Paths.samples.appendingPathComponent("ru-naberezhnaya.txt")
    static let russianHeadline = "Городской совет утвердил бюджет"

    /// The values of every `attribute="…"` in `html`.
    static func attributeValues(_ attribute: String, in html: String) -> [String] {
        html.components(separatedBy: "\(attribute)=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }

    @Test("a folder preview lists every article with a thumbnail that exists, and escapes its text")
    func folderIndex() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = folder.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles.appendingPathComponent("desk"), withIntermediateDirectories: true)
        for sample in Paths.sampleFiles() {
            try FileManager.default.copyItem(at: sample, to: articles.appendingPathComponent(sample.lastPathComponent))
        }
        let hostile = "Mayor's <script>alert(\"x\")</script> & budget\n\nThe council met on Monday and approved the plan.\n"
        try hostile.write(to: articles.appendingPathComponent("desk/hostile.txt"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")

        let result = try galley(["preview", articles.path, "-o", out.path])
        #expect(result.status == 0, "galley failed: \(result.stderr)")

        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        let links = Self.attributeValues("href", in: index)
        #expect(links.contains("ru-naberezhnaya/index.html"))
        #expect(links.contains("en-harbour-ferries/index.html"))
        #expect(links.contains("desk/hostile/index.html"))
        #expect(index.contains(Self.russianHeadline))
        #expect(index.contains("Harbour ferries return"))
        let thumbnails = Self.attributeValues("src", in: index)
        #expect(thumbnails.count == 3)
        for thumbnail in thumbnails {
            #expect(thumbnail.hasSuffix("-1.svg"))
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(thumbnail).path), "missing \(thumbnail)")
        }
        // Warnings counts: the Russian sample has one (lost breaks; `poll` is a known kind).
        #expect(index.contains("1 warning<"))

        // The hostile headline is text, in the index and in its page.
        for html in [index, try String(contentsOf: out.appendingPathComponent("desk/hostile/index.html"), encoding: .utf8)] {
            // Typography turns the straight quotes into curly ones; the markup stays text.
            #expect(html.contains("&lt;script&gt;alert(") && html.contains(")&lt;/script&gt; &amp; budget"))
            #expect(!html.contains("<script>alert"))
            #expect(html.components(separatedBy: "<script>").count == 2, "only the preview's own script")
        }

        for name in ["ru-naberezhnaya", "en-harbour-ferries", "desk/hostile"] {
            let page = out.appendingPathComponent("\(name)/index.html")
            let html = try String(contentsOf: page, encoding: .utf8)
            #expect(html.contains("href=\"" + String(repeating: "../", count: name.split(separator: "/").count) + "index.html\""))
            for image in Self.attributeValues("src", in: html) {
                #expect(FileManager.default.fileExists(atPath: page.deletingLastPathComponent().appendingPathComponent(image).path))
            }
        }
    }

    @Test("an article preview: SVG pages with size and viewBox, diagnostics linked to a box on the page")
    func articlePage() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try galley(["preview", Self.russian.path, "-o", folder.path])
        #expect(result.status == 0, "galley failed: \(result.stderr)")
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        let pages = Self.attributeValues("src", in: html)
        #expect(pages == ["ru-naberezhnaya-1.svg", "ru-naberezhnaya-2.svg", "ru-naberezhnaya-3.svg"])
        #expect(!html.contains("<svg"), "pages are images, not inline SVG")

        let svg = try String(contentsOf: folder.appendingPathComponent("ru-naberezhnaya-1.svg"), encoding: .utf8)
        let root = svg.components(separatedBy: "<svg").dropFirst().first?.components(separatedBy: ">").first ?? ""
        #expect(root.contains("width=\"595.276pt\""), "root: \(root)")
        #expect(root.contains("height=\"841.89pt\""))
        #expect(root.contains("viewBox=\"0 0 595.276 841.89\""))
        #expect(svg.contains("<title>\(Self.russianHeadline)"))

        // The lost paragraph break at 2:118 is listed and drawn as a box on page 1.
        #expect(html.contains("<a class=\"loc\" href=\"#mark-1\">2:118</a>: 2 lost paragraph breaks"))
        let mark = html.components(separatedBy: "id=\"mark-1\"").dropFirst().first?.components(separatedBy: ">").first ?? ""
        #expect(mark.contains("left: ") && mark.contains("%; top: "), "mark: \(mark)")
        let page1 = html.components(separatedBy: "id=\"page-2\"").first ?? ""
        #expect(page1.contains("id=\"mark-1\""), "the mark is on page 1")
    }

    @Test("the server serves the preview, refuses paths out of its folder, survives a broken input and reloads")
    func server() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("ru-naberezhnaya.txt")
        try FileManager.default.copyItem(at: Self.russian, to: input)
        // Something beside the output folder that a traversal would reach.
        try "secret".write(to: folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        let server = try PreviewServer(["preview", "ru-naberezhnaya.txt", "--serve", "--port", "0", "-o", "out"], in: folder)
        defer { server.stop() }

        let home = try httpGet(port: server.port, "/")
        #expect(home.status == 200)
        #expect(home.body.contains(Self.russianHeadline))
        #expect(try httpGet(port: server.port, "/ru-naberezhnaya-1.svg").status == 200)
        for path in [
            "/../Package.swift", "/%2e%2e/Package.swift", "/..%2fPackage.swift", "/../secret.txt", "/%2E%2E/secret.txt",
            "/..%2Fsecret.txt", "//etc/passwd", "/%2Fetc%2Fpasswd", "/./index.html", "/nothing.svg",
        ] {
            #expect(try httpGet(port: server.port, path).status == 404, "\(path) must be 404")
        }

        // A symbolic link put into the output folder is not something galley rendered.
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("out/link.txt").path, withDestinationPath: "../secret.txt")
        #expect(try httpGet(port: server.port, "/link.txt").status == 404)

        let events = try EventReader(port: server.port)
        let first = events.next(within: 10)
        #expect(first != nil, "/events sends the current generation at once")

        // A binary input (NUL bytes) is refused: the page says so and the server keeps answering.
        let original = try Data(contentsOf: input)
        try Data([0x41, 0x00, 0x00, 0x42, 0x00]).write(to: input)
        let afterBreak = events.next(within: 10)
        #expect(afterBreak != nil && afterBreak != first, "an event after the change")
        var broken = HTTPReply(status: 0, body: "")
        for _ in 0..<40 {
            broken = try httpGet(port: server.port, "/")
            if broken.body.contains("render-failed") { break }
            Thread.sleep(forTimeInterval: 0.25)
        }
        #expect(broken.status == 200)
        #expect(broken.body.contains("class=\"error\""), "the diagnostics panel shows the error")
        #expect(broken.body.contains("NUL byte"))

        // Fixed with a new headline: it appears within 10 s.
        let fixed = String(decoding: original, as: UTF8.self).replacingOccurrences(of: Self.russianHeadline, with: "Совет пересмотрел бюджет")
        try fixed.write(to: input, atomically: true, encoding: .utf8)
        var recovered = false
        for _ in 0..<40 {
            let reply = try httpGet(port: server.port, "/")
            if reply.body.contains("Совет пересмотрел бюджет") && !reply.body.contains("render-failed") {
                recovered = true
                break
            }
            Thread.sleep(forTimeInterval: 0.25)
        }
        #expect(recovered, "the fixed input renders again; stderr: \(server.stderr)")
        #expect(server.process.isRunning)
    }

    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test("headless Chromium shows the served pages and the headline")
    func browser() throws {
        guard let chromium = Self.chromium else {
            print("skipped: chromium is not installed (apt-get install chromium, or scripts/setup.sh)")
            return
        }
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.russian, to: folder.appendingPathComponent("ru.txt"))
        let server = try PreviewServer(["preview", "ru.txt", "--serve", "--port", "0", "-o", "out"], in: folder)
        defer { server.stop() }
        let url = "http://127.0.0.1:\(server.port)/"

        // No --virtual-time-budget: the page's open EventSource keeps virtual time from running
        // out, so Chromium would wait forever. The screenshot is taken after the load event,
        // which waits for the page images.
        let shot = folder.appendingPathComponent("page.png")
        let blank = folder.appendingPathComponent("blank.png")
        let base = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1000,1400"]
        let taken = try runBounded(chromium, base + ["--screenshot=\(shot.path)", url], seconds: 60)
        #expect(taken, "chromium took over 60 s")
        #expect(try runBounded(chromium, base + ["--screenshot=\(blank.path)", "about:blank"], seconds: 60))
        let page = try #require(PNGPixels(path: shot.path), "no screenshot")
        let empty = try #require(PNGPixels(path: blank.path), "no blank screenshot")
        // The page column (left of the diagnostics panel), below the toolbar: text is dark ink.
        let inkOnPage = page.darkPixels(x: 20, y: 60, width: 540, height: 800)
        let inkOnBlank = empty.darkPixels(x: 20, y: 60, width: 540, height: 800)
        #expect(inkOnPage > 5000, "the page area is blank: \(inkOnPage) dark pixels")
        #expect(inkOnBlank < 100)

        let dom = folder.appendingPathComponent("dom.html")
        #expect(try runBounded(chromium, base + ["--dump-dom", url], seconds: 60, stdout: dom))
        let text = (try? String(contentsOf: dom, encoding: .utf8)) ?? ""
        #expect(text.contains(Self.russianHeadline))
        #expect(text.contains("<img src=\"ru-1.svg\""))
    }
}

/// Runs a program with its output to a file (or nowhere), killing it after `seconds`;
/// true when it exited in time with status 0.
func runBounded(_ executable: String, _ arguments: [String], seconds: Double, stdout: URL? = nil) throws -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    if let stdout {
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
    } else {
        process.standardOutput = FileHandle.nullDevice
    }
    try process.run()
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning {
        process.terminate()
        process.waitUntilExit()
        return false
    }
    return process.terminationStatus == 0
}

/// A PNG decoded by cairo, for counting pixels.
struct PNGPixels {
    var width: Int
    var height: Int
    /// 0xAARRGGBB per pixel, row by row.
    var pixels: [UInt32]

    init?(path: String) {
        guard let surface = cairo_image_surface_create_from_png(path) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else { return nil }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        var pixels: [UInt32] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride)
            for x in 0..<width { pixels.append(row.load(fromByteOffset: x * 4, as: UInt32.self)) }
        }
        self.pixels = pixels
    }

    /// Pixels darker than mid grey in the rectangle (clipped to the image).
    func darkPixels(x: Int, y: Int, width w: Int, height h: Int) -> Int {
        var count = 0
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) {
                let p = pixels[row * width + column]
                let luma = (299 * Int((p >> 16) & 0xFF) + 587 * Int((p >> 8) & 0xFF) + 114 * Int(p & 0xFF)) / 1000
                if luma < 100 { count += 1 }
            }
        }
        return count
    }
}
