// The render thread: owns the renderer, polls for changes, re-renders and publishes.

import Foundation

/// Runs all rendering on one dedicated thread.
///
/// Pango font maps belong to the thread that uses them and `Typesetter` is not Sendable, so
/// the renderer is made on this thread and never leaves it; what crosses to the server are
/// `PreviewSite` values (bytes and strings).
enum RenderThread {
    /// How often the inputs are polled.
    static let pollInterval = 0.25
    /// How often open `/events` streams get a keep-alive.
    static let heartbeatInterval = 15.0

    /// Starts the thread; the first render is published as generation 1.
    static func start(
        configuration: PreviewConfiguration, store: SiteStore, log: @escaping @Sendable (String) -> Void
    ) {
        let thread = Thread {
            let renderer = PreviewRenderer(configuration: configuration)
            var watcher = ChangeWatcher(configuration: configuration)
            var generation = 0
            var written = Set<String>()
            var lastHeartbeat = Date()
            var changes: Changes = .content
            while true {
                if changes.contains(.template) { renderer.reloadTemplate() }
                if !changes.isEmpty {
                    generation += 1
                    let started = Date()
                    let site = renderer.render(generation: generation)
                    let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
                    for notice in renderer.notices where generation == 1 { log(notice) }
                    log(summary(site, generation: generation, milliseconds: milliseconds))
                    store.publish(site, generation: generation)
                    do {
                        try site.write(to: configuration.outputFolder, removing: written)
                        written = Set(site.files.keys)
                    } catch {
                        log("\(error)")
                    }
                }
                if Date().timeIntervalSince(lastHeartbeat) >= heartbeatInterval {
                    store.heartbeat()
                    lastHeartbeat = Date()
                }
                Thread.sleep(forTimeInterval: pollInterval)
                changes = watcher.poll()
            }
        }
        thread.name = "galley-preview-render"
        // Layout recurses through frames; give it the main thread's room.
        thread.stackSize = 8 << 20
        thread.start()
    }

    private static func summary(_ site: PreviewSite, generation: Int, milliseconds: Int) -> String {
        let pages = site.articles.reduce(0) { $0 + $1.pages.count }
        let warnings = site.articles.reduce(0) { $0 + $1.warningCount }
        let failed = site.articles.filter(\.failed)
        var line = "galley preview: render \(generation): \(site.articles.count) article(s), \(pages) page(s), \(warnings) warning(s), \(milliseconds) ms"
        for article in failed {
            for diagnostic in article.diagnostics where diagnostic.severity == .error {
                line += "\n  " + diagnostic.formatted
            }
        }
        return line
    }
}
