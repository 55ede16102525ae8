// Notices edits to the input, its assets and the template by polling modification times.

import Foundation

/// What changed since the last look.
struct Changes: OptionSet, Sendable {
    let rawValue: Int
    static let content = Changes(rawValue: 1)
    static let template = Changes(rawValue: 2)
}

/// Polls modification times, sizes and inodes (an editor that saves by renaming a new file
/// over the old one changes the inode). Polling is simple, portable and cheap at a few stats
/// every 250 ms; it needs no inotify or FSEvents.
struct ChangeWatcher {
    private struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var inode: UInt64
    }

    let configuration: PreviewConfiguration
    private var content: [String: Stamp] = [:]
    private var template: Stamp?

    init(configuration: PreviewConfiguration) {
        self.configuration = configuration
        content = contentStamps()
        template = configuration.templateFile.flatMap(Self.stamp)
    }

    /// What changed since the last call (or since the watcher was made).
    mutating func poll() -> Changes {
        var changes: Changes = []
        let newContent = contentStamps()
        if newContent != content { changes.insert(.content) }
        content = newContent
        let newTemplate = configuration.templateFile.flatMap(Self.stamp)
        if newTemplate != template { changes.insert(.template) }
        template = newTemplate
        return changes
    }

    /// Stamps of the inputs and of the asset folders they use (a missing file is a change
    /// too: it is absent from the table).
    private func contentStamps() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        var watched: [String] = []
        if PreviewInputs.isFolder(configuration.input) {
            let excluded = URL(fileURLWithPath: configuration.outputFolder).standardizedFileURL.path
            let root = URL(fileURLWithPath: configuration.input).standardizedFileURL.path
            watched += PreviewInputs.files(under: root, excluding: excluded).map { (root as NSString).appendingPathComponent($0) }
            if let assets = configuration.options.assetsFolder { watched += Self.files(in: assets) }
        } else {
            watched.append(configuration.input)
            watched += Self.files(in: configuration.assetsFolder(for: configuration.input))
        }
        for path in watched {
            if let stamp = Self.stamp(path) { stamps[path] = stamp }
        }
        return stamps
    }

    private static func files(in folder: String) -> [String] {
        PreviewInputs.files(under: folder).map { (folder as NSString).appendingPathComponent($0) }
    }

    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        return Stamp(
            seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int64(info.st_size), inode: UInt64(info.st_ino))
    }
}
