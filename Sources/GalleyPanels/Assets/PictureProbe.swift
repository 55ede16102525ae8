// Checks that a picture decodes, with the libraries render will use, before layout accepts it.

internal import CGdkPixbuf
internal import CPangoCairo
internal import CRsvg
import GalleyCore

/// Whether a picture file can be drawn at all. A header can be intact while the data is
/// damaged or cut short; render would then draw an empty box and could not say why. So
/// layout decodes the picture once with the same libraries as render (`PictureLoader`: cairo
/// for PNG, gdk-pixbuf for JPEG, librsvg for SVG), after the header passed the size limits
/// (`AssetLimits`), and a picture that does not decode becomes a warning and the placeholder.
enum PictureProbe {
    static func decodes(_ path: String, format: ImageItem.Format) -> Bool {
        switch format {
        case .png:
            guard let surface = cairo_image_surface_create_from_png(path) else { return false }
            defer { cairo_surface_destroy(surface) }
            return cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        case .jpeg:
            var error: UnsafeMutablePointer<GError>?
            guard let pixbuf = gdk_pixbuf_new_from_file(path, &error) else {
                if let error { g_error_free(error) }
                return false
            }
            g_object_unref(UnsafeMutableRawPointer(pixbuf))
            return true
        case .svg:
            var error: UnsafeMutablePointer<GError>?
            guard let handle = rsvg_handle_new_from_file(path, &error) else {
                if let error { g_error_free(error) }
                return false
            }
            g_object_unref(UnsafeMutableRawPointer(handle))
            return true
        }
    }
}
