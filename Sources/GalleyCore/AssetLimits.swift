// The limits an asset file must keep to: checked by layout on its header, again by render.

/// What an asset may cost, checked on its header before anything is decoded: a PNG that
/// declares 20,000 × 20,000 pixels would take 1.6 GB as a cairo surface.
public enum AssetLimits {
    /// The most pixels a raster picture (PNG, JPEG) may declare: 50 megapixels is 200 MB
    /// decoded (a 50-megapixel camera's full frame; a press photo is 10–25).
    public static let maximumPixels = 50_000_000.0
    /// The largest asset file, in bytes (pictures and chart data alike): 64 MiB.
    public static let maximumFileBytes = 64 * 1024 * 1024
}
