// Finds the real material for a directive in an assets folder, and nothing outside it.

import Foundation
import GalleyCore

/// What an assets folder holds for one directive id.
public enum AssetMatch: Sendable, Hashable {
    /// A picture file (PNG, JPEG or SVG) with its natural size in pixels (or SVG user units).
    case picture(path: String, format: ImageItem.Format, size: Size)
    /// Chart data (`<id>.json`).
    case chartData(path: String)
    /// Nothing for this id: the generated placeholder stands in.
    case none
    /// The id cannot name a file (path characters, or a link leading outside the folder).
    case rejected(reason: String)
    /// The file is there but cannot be used: unreadable, or over a limit (`AssetLimits`).
    case unusable(reason: String)
}

/// An assets folder (`--assets DIR`, default `assets/` beside the input).
///
/// An id is taken as a file name only when it is made of letters, digits, `-` and `_`; the
/// file found is then resolved through symbolic links and must still lie inside the folder.
/// So `../../etc/passwd`, `a/b` or a link to `/etc` never open a file outside it.
public struct AssetLibrary: Sendable {
    /// The folder, with symbolic links resolved.
    public let folder: String

    public init?(folder: String) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            return nil
        }
        self.folder = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
    }

    /// Extensions tried, in order, for a picture; then `.json` for chart data.
    static let pictureExtensions: [(String, ImageItem.Format)] = [
        ("png", .png), ("jpg", .jpeg), ("jpeg", .jpeg), ("svg", .svg),
    ]

    /// Whether `id` may be used as a file name.
    public static func isSafeIdentifier(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 128
            && id.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" }
    }

    /// What the folder holds for `id`. With `decoding`, a picture within the limits is also
    /// decoded once (`PictureProbe`), as layout does before drawing; without, only its header
    /// is read (the batch's cache check, which must stay cheap).
    public func match(id: String, decoding: Bool = false) -> AssetMatch {
        guard Self.isSafeIdentifier(id) else {
            return .rejected(reason: "the id '\(id)' is not a safe file name (letters, digits, - and _ only)")
        }
        for (ext, format) in Self.pictureExtensions {
            switch resolve("\(id).\(ext)") {
            case .success(let path?):
                if let problem = Self.sizeProblem(path, name: "\(id).\(ext)") { return .unusable(reason: problem) }
                guard let size = ImageInfo.size(ofFileAt: path, format: format) else {
                    return .unusable(reason: "\(id).\(ext) is not a readable \(format.rawValue.uppercased()) picture")
                }
                if format != .svg, size.width * size.height > AssetLimits.maximumPixels {
                    return .unusable(
                        reason: "\(id).\(ext) declares \(Int(size.width))×\(Int(size.height)) pixels, over the limit of \(Int(AssetLimits.maximumPixels / 1_000_000)) megapixels")
                }
                guard !decoding || PictureProbe.decodes(path, format: format) else {
                    return .unusable(reason: "\(id).\(ext) could not be decoded (a damaged or truncated \(format.rawValue.uppercased()) file)")
                }
                return .picture(path: path, format: format, size: size)
            case .success(nil): continue
            case .failure(let reason): return .rejected(reason: reason.message)
            }
        }
        switch resolve("\(id).json") {
        case .success(let path?):
            if let problem = Self.sizeProblem(path, name: "\(id).json") { return .unusable(reason: problem) }
            return .chartData(path: path)
        case .success(nil): return .none
        case .failure(let reason): return .rejected(reason: reason.message)
        }
    }

    /// Why the file at `path` is too large to use, or nil.
    static func sizeProblem(_ path: String, name: String) -> String? {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard bytes > AssetLimits.maximumFileBytes else { return nil }
        return "\(name) is \(bytes) bytes, over the limit of \(AssetLimits.maximumFileBytes) bytes (64 MiB)"
    }

    private struct Escape: Error { var message: String }

    /// The resolved path of `name` in the folder; nil when absent; an error when it resolves
    /// outside the folder.
    private func resolve(_ name: String) -> Result<String?, Escape> {
        let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: candidate.path) else { return .success(nil) }
        let resolved = candidate.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(folder + "/") else {
            return .failure(Escape(message: "\(name) leads outside the assets folder; not opened"))
        }
        return .success(resolved)
    }
}
