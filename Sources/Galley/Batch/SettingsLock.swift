// Two batches that would write one folder with different settings: the second one stops.

import Foundation

/// A batch's claim on its output folder for the settings it renders with.
///
/// Shards of one job (the same settings) write one folder at once, each input once; two runs
/// with different settings (another template, format or flag) would both write the same files
/// and each report its own settings for whichever file the other wrote last. Each run holds a
/// shared `flock` on `.galley-runs/<settings>.lock` in the folder for as long as it lives (a
/// folder of its own: listing it stays small however many outputs the folder holds), and
/// before it starts tries each other settings' lock file exclusively: one that is held belongs
/// to a running batch, and this run stops with an error. Two runs started in the same instant
/// may both stop; neither writes. The lock files stay (removing one could hide a running
/// shard's claim from the next run); they are empty.
public final class SettingsLock {
    static let folderName = ".galley-runs"
    private let descriptor: Int32

    /// Claims `folder` for `fingerprint` (`RenderSettings.fingerprint`); throws when a batch
    /// with other settings holds it.
    public init(folder: String, fingerprint: String) throws(GalleyError) {
        let claims = (folder as NSString).appendingPathComponent(Self.folderName)
        if mkdir(claims, 0o777) != 0 && errno != EEXIST {
            throw GalleyError(.output, "cannot make the batch's lock folder: \(String(cString: strerror(errno)))", path: claims)
        }
        let own = String(fingerprint.prefix(16)) + ".lock"
        let path = (claims as NSString).appendingPathComponent(own)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o666)
        guard descriptor >= 0 else {
            throw GalleyError(.output, "cannot open the batch's lock: \(String(cString: strerror(errno)))", path: path)
        }
        while flock(descriptor, LOCK_SH) != 0 && errno == EINTR {}
        let names = (try? FileManager.default.contentsOfDirectory(atPath: claims)) ?? []
        for name in names where name.hasSuffix(".lock") && name != own {
            let other = open((claims as NSString).appendingPathComponent(name), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard other >= 0 else { continue }
            defer { close(other) }
            if flock(other, LOCK_EX | LOCK_NB) == 0 {
                flock(other, LOCK_UN)
            } else if errno == EWOULDBLOCK {
                close(descriptor)
                throw GalleyError(
                    .output,
                    "another galley batch with different settings (template, formats or options) is writing into this folder; run them one after the other, or into different folders",
                    path: folder)
            }
        }
    }

    deinit { close(descriptor) }
}
