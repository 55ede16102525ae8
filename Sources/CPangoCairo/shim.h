// The C surface galley uses: cairo (PDF, SVG, PNG surfaces) and Pango with its cairo glue.
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <fontconfig/fontconfig.h>

/// A Pango cairo font map that looks for fonts in `config` only (GalleyText's FontSearch).
static inline PangoFontMap *galley_font_map_with_config(FcConfig *config) {
    PangoFontMap *map = pango_cairo_font_map_new();
    if (PANGO_IS_FC_FONT_MAP(map)) pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    return map;
}

/// Sets a Pango context up for device-independent measuring in points: the one set of metric
/// settings layout (GalleyText's TextShaper) and render (GalleyRender's FontCache) share, so
/// that render's scaled fonts have the metrics layout measured with and PDF, SVG and PNG break
/// lines identically. Resolution 72, so that 1 unit is 1 pt (Pango assumes 96); no glyph
/// position rounding (it rounds every advance to 1 pt on vector surfaces); hint metrics off
/// and no hinting.
static inline void galley_configure_metrics(PangoContext *context) {
    pango_cairo_context_set_resolution(context, 72);
    pango_context_set_round_glyph_positions(context, 0);
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
}
