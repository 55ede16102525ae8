/*
 * pango_floor: the "floor" cost of turning articles into PDF with bare Pango layout and
 * Cairo PDF output, no typesetting logic (no microtypography, hyphenation, panels or
 * footnotes), printed by the batch benchmark beside galley's and Typst's times.
 *
 * build: cc -O2 -o pango_floor bench/pango_floor.c $(pkg-config --cflags --libs pangocairo)
 * or, with PDF streams deflated at galley's level (Sources/CDeflateLevel) instead of cairo's:
 *   cc -O2 -DGALLEY_DEFLATE_LEVEL=1 -I Sources/CDeflateLevel/include -o pango_floor \
 *      bench/pango_floor.c Sources/CDeflateLevel/deflate_level.c \
 *      $(pkg-config --cflags --libs pangocairo) -lz
 * usage: pango_floor OUTDIR FILE...
 *
 * Each FILE is UTF-8 text in the archive's markup: the headline runs up to the first U+2028
 * or newline, the rest is the body, whose paragraphs are split on double spaces or newlines.
 * Media directives (#{kind=123}, #<kind=123 ...>) are dropped. Every article becomes
 * OUTDIR/<name without extension>.pdf: A4, 56 pt margins, a PT Serif Bold 20 pt headline
 * and a PT Serif 11 pt justified body at the font's natural line height (1.29 em, 14.23 pt),
 * its lines flowed one by one onto as many pages as they need.
 *
 * All articles are rendered in one process with one font map and one Pango context. The
 * first article is rendered once to a discarded stream as a warm-up (it loads the fonts and
 * fills Pango's caches); the clock then runs around the whole loop, reading files included.
 * The last line on stdout: "floor: N articles, P pages, T ms total, M ms per article".
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#ifdef GALLEY_DEFLATE_LEVEL
#include "deflate_level.h"
#endif

#define PAGE_W 595.276 /* A4 in PostScript points */
#define PAGE_H 841.89
#define MARGIN 56.0
#define MEASURE (PAGE_W - 2 * MARGIN) /* 483.276 pt */
#define HEADLINE_GAP 11.0             /* space between headline and body, pt */

/* Removes #{...} and #<...> directives in place, as the regex #[{<][^}>]*[}>] would;
 * an unterminated "#{" is left as it is. */
static void strip_directives(char *s)
{
    char *w = s;
    for (char *r = s; *r;) {
        if (r[0] == '#' && (r[1] == '{' || r[1] == '<')) {
            char *end = strpbrk(r + 2, "}>");
            if (end) {
                r = end + 1;
                continue;
            }
        }
        *w++ = *r++;
    }
    *w = '\0';
}

/* TRUE if the text has a Cyrillic letter (U+0400..U+04FF). */
static gboolean has_cyrillic(const char *s)
{
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c >= 0x0400 && c <= 0x04FF)
            return TRUE;
    }
    return FALSE;
}

/* Builds the body text for one layout: paragraphs (split on "  ", '\n' or U+2028, trimmed,
 * empty ones dropped) joined by '\n', which Pango treats as paragraph separators. */
static GString *body_paragraphs(const char *body)
{
    GString *out = g_string_sized_new(strlen(body) + 1);
    const char *p = body;
    while (*p) {
        /* The paragraph runs up to the next separator (or the end of the text). */
        const char *end = p;
        while (*end && !(end[0] == ' ' && end[1] == ' ') && *end != '\n' &&
               strncmp(end, "\xE2\x80\xA8", 3) != 0) /* U+2028 in UTF-8 */
            end++;
        const char *a = p, *b = end;
        while (a < b && g_ascii_isspace(*a))
            a++;
        while (b > a && g_ascii_isspace(b[-1]))
            b--;
        if (b > a) {
            if (out->len)
                g_string_append_c(out, '\n');
            g_string_append_len(out, a, b - a);
        }
        p = *end == '\0' ? end : end + (*end == ' ' ? 2 : *end == '\n' ? 1 : 3);
    }
    return out;
}

/* A layout of the given text and font, MEASURE wide, in the article's language. */
static PangoLayout *make_layout(PangoContext *ctx, const char *text, const char *font,
                                gboolean justify, PangoLanguage *lang)
{
    PangoLayout *layout = pango_layout_new(ctx);
    PangoFontDescription *desc = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    pango_layout_set_width(layout, (int)(MEASURE * PANGO_SCALE + 0.5));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_justify(layout, justify);
    PangoAttrList *attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_language_new(lang));
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
    pango_layout_set_text(layout, text, -1);
    return layout;
}

/* Draws the lines of a layout from the cursor *y (pt from the page top) down, starting a new
 * page whenever the next line would cross the bottom margin. */
static void flow_lines(cairo_t *cr, PangoLayout *layout, double *y, int *pages)
{
    PangoLayoutIter *it = pango_layout_get_iter(layout);
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, NULL, &logical);
        double height = (double)logical.height / PANGO_SCALE;
        if (*y + height > PAGE_H - MARGIN && *y > MARGIN) {
            cairo_show_page(cr);
            (*pages)++;
            *y = MARGIN;
        }
        /* logical.x carries the line's indent and alignment offset; the baseline sits
         * (baseline - logical.y) below the top of the line's logical box. */
        double ascent = (double)(pango_layout_iter_get_baseline(it) - logical.y) / PANGO_SCALE;
        cairo_move_to(cr, MARGIN + (double)logical.x / PANGO_SCALE, *y + ascent);
        pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
        *y += height;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int length)
{
    (void)closure, (void)data, (void)length;
    return CAIRO_STATUS_SUCCESS;
}

/* Renders one article file to the PDF at out_path (NULL: to a discarded stream).
 * Returns its page count, or -1 on error. Frees everything it makes. */
static int render_article(PangoContext *ctx, const char *in_path, const char *out_path)
{
    char *text;
    GError *error = NULL;
    if (!g_file_get_contents(in_path, &text, NULL, &error)) {
        fprintf(stderr, "pango_floor: %s\n", error->message);
        g_error_free(error);
        return -1;
    }
    if (!g_utf8_validate(text, -1, NULL)) { /* Pango wants valid UTF-8 */
        char *valid = g_utf8_make_valid(text, -1);
        g_free(text);
        text = valid;
    }
    strip_directives(text);

    /* Headline: up to the first U+2028 or newline; body: the rest. */
    char *cut = strchr(text, '\n'), *ls = strstr(text, "\xE2\x80\xA8");
    if (ls && (!cut || ls < cut))
        cut = ls;
    const char *body = "";
    if (cut) {
        body = cut + (cut == ls ? 3 : 1);
        *cut = '\0';
    }
    g_strstrip(text); /* the headline, now a string of its own */
    GString *paragraphs = body_paragraphs(body);
    PangoLanguage *lang = pango_language_from_string(
        has_cyrillic(text) || has_cyrillic(paragraphs->str) ? "ru" : "en");

    cairo_surface_t *surface = out_path
        ? cairo_pdf_surface_create(out_path, PAGE_W, PAGE_H)
        : cairo_pdf_surface_create_for_stream(discard, NULL, PAGE_W, PAGE_H);
    cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5);
    cairo_t *cr = cairo_create(surface);
    pango_cairo_update_context(cr, ctx); /* same target every time: keeps Pango's caches */

    PangoLayout *headline = make_layout(ctx, text, "PT Serif Bold 20", FALSE, lang);
    PangoLayout *bodylayout = make_layout(ctx, paragraphs->str, "PT Serif 11", TRUE, lang);
    pango_layout_set_indent(bodylayout, 11 * PANGO_SCALE); /* 1 em first-line indent */

    int pages = 1;
    double y = MARGIN;
    if (*text)
        flow_lines(cr, headline, &y, &pages);
    y += HEADLINE_GAP;
    if (paragraphs->len)
        flow_lines(cr, bodylayout, &y, &pages);
    cairo_show_page(cr);

    g_object_unref(headline);
    g_object_unref(bodylayout);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    g_string_free(paragraphs, TRUE);
    g_free(text);
    if (status != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "pango_floor: %s: %s\n", out_path, cairo_status_to_string(status));
        return -1;
    }
    return pages;
}

/* OUTDIR/<basename of path without its extension>.pdf, newly allocated. */
static char *output_path(const char *outdir, const char *path)
{
    char *base = g_path_get_basename(path);
    char *dot = strrchr(base, '.');
    if (dot && dot != base)
        *dot = '\0';
    char *name = g_strconcat(base, ".pdf", NULL);
    char *out = g_build_filename(outdir, name, NULL);
    g_free(name);
    g_free(base);
    return out;
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: pango_floor OUTDIR FILE...\n");
        return 2;
    }
    const char *outdir = argv[1];
#ifdef GALLEY_DEFLATE_LEVEL
    galley_set_deflate_level(GALLEY_DEFLATE_LEVEL);
#endif
    if (g_mkdir_with_parents(outdir, 0755) != 0) {
        perror(outdir);
        return 1;
    }

    /* One font map and one context for the whole run: 72 dpi (1 pt = PANGO_SCALE units),
     * no hinting, unrounded glyph positions, as for PDF output. */
    PangoFontMap *fontmap = pango_cairo_font_map_new();
    PangoContext *ctx = pango_font_map_create_context(fontmap);
    pango_cairo_context_set_resolution(ctx, 72);
    pango_context_set_round_glyph_positions(ctx, FALSE);
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(ctx, options);
    cairo_font_options_destroy(options);

    /* Warm-up, off the clock. */
    if (render_article(ctx, argv[2], NULL) < 0)
        return 1;

    int articles = 0, failed = 0;
    long pages = 0;
    double start = now_ms();
    for (int i = 2; i < argc; i++) {
        char *out = output_path(outdir, argv[i]);
        int n = render_article(ctx, argv[i], out);
        g_free(out);
        if (n < 0) {
            failed++;
            continue;
        }
        articles++;
        pages += n;
    }
    double total = now_ms() - start;

    printf("floor: %d articles, %ld pages, %.0f ms total, %.2f ms per article\n", articles, pages,
           total, articles ? total / articles : 0.0);
    g_object_unref(ctx);
    g_object_unref(fontmap);
    return failed ? 1 : 0;
}
