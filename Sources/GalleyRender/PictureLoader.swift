// Opens asset pictures for drawing: PNG by cairo, JPEG by gdk-pixbuf, SVG by librsvg.

internal import CGdkPixbuf
internal import CPangoCairo
internal import CRsvg
import GalleyCore

/// A loaded picture, ready to draw into a box.
enum Picture {
    /// A raster image as a cairo surface (owned: destroy after drawing) with its pixel size.
    case raster(surface: OpaquePointer, width: Double, height: Double)
    /// An SVG document (owned: unref after drawing), drawn as vectors.
    case vector(handle: UnsafeMutablePointer<RsvgHandle>)
}

enum PictureLoader {
    /// Loads the picture of `image`, or nil when it cannot be read. Layout has already
    /// checked the file and reported problems; render draws what it can.
    static func load(_ image: ImageItem) -> Picture? {
        // Layout checked the header against the limits; the file may have changed since.
        guard image.format == .svg || withinLimits(image.path) else { return nil }
        switch image.format {
        case .png:
            guard let surface = cairo_image_surface_create_from_png(image.path),
                cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
            else { return nil }
            return .raster(
                surface: surface, width: Double(cairo_image_surface_get_width(surface)),
                height: Double(cairo_image_surface_get_height(surface)))
        case .jpeg:
            return loadWithPixbuf(image.path)
        case .svg:
            var error: UnsafeMutablePointer<GError>?
            guard let handle = rsvg_handle_new_from_file(image.path, &error) else {
                if let error { g_error_free(error) }
                return nil
            }
            return .vector(handle: handle)
        }
    }

    /// Whether the raster file's header (read by gdk-pixbuf, nothing decoded) declares no more
    /// pixels than `AssetLimits.maximumPixels`.
    private static func withinLimits(_ path: String) -> Bool {
        var width: Int32 = 0
        var height: Int32 = 0
        guard gdk_pixbuf_get_file_info(path, &width, &height) != nil else { return false }
        return Double(width) * Double(height) <= AssetLimits.maximumPixels
    }

    /// Decodes a raster file with gdk-pixbuf and copies it into a cairo ARGB32 surface
    /// (premultiplied alpha, native-endian 32-bit pixels, as cairo wants).
    private static func loadWithPixbuf(_ path: String) -> Picture? {
        var error: UnsafeMutablePointer<GError>?
        guard let pixbuf = gdk_pixbuf_new_from_file(path, &error) else {
            if let error { g_error_free(error) }
            return nil
        }
        defer { g_object_unref(UnsafeMutableRawPointer(pixbuf)) }
        let width = gdk_pixbuf_get_width(pixbuf)
        let height = gdk_pixbuf_get_height(pixbuf)
        let channels = Int(gdk_pixbuf_get_n_channels(pixbuf))
        let sourceStride = Int(gdk_pixbuf_get_rowstride(pixbuf))
        guard channels >= 3, let pixels = gdk_pixbuf_read_pixels(pixbuf),
            let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height),
            cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        else { return nil }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let target = cairo_image_surface_get_data(surface)!
        for y in 0..<Int(height) {
            let row = target.advanced(by: y * stride).withMemoryRebound(to: UInt32.self, capacity: Int(width)) { $0 }
            for x in 0..<Int(width) {
                let p = pixels.advanced(by: y * sourceStride + x * channels)
                let alpha = channels == 4 ? UInt32(p[3]) : 255
                let r = UInt32(p[0]) * alpha / 255
                let g = UInt32(p[1]) * alpha / 255
                let b = UInt32(p[2]) * alpha / 255
                row[x] = alpha << 24 | r << 16 | g << 8 | b
            }
        }
        cairo_surface_mark_dirty(surface)
        return .raster(surface: surface, width: Double(width), height: Double(height))
    }
}
