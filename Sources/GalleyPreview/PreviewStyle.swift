// The preview pages' stylesheet and script, inlined into every page (no extra requests).

/// CSS and JavaScript shared by the article pages and the folder index.
enum PreviewStyle {
    /// Zoom is a `data-zoom` attribute on `<body>`: `fit` (the page as wide as the column),
    /// `100` (1 pt of the page = 1 CSS pt) or `150`. Highlight boxes are positioned in
    /// percent of the page, so they follow whatever size the image is drawn at.
    static let css = """
        :root { color-scheme: light; --bar: 3rem; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, sans-serif; background: #e6e6e3; color: #1d1d1b; }
        .toolbar { position: sticky; top: 0; z-index: 10; height: var(--bar); display: flex; gap: .75rem;
          align-items: center; padding: 0 1rem; background: #2b2b29; color: #f4f4f0; }
        .toolbar a { color: #cfe3ff; }
        .toolbar .title { font-weight: 600; flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .toolbar button { font: inherit; border: 1px solid #777; background: #3b3b38; color: inherit; border-radius: 4px; padding: .2rem .6rem; cursor: pointer; }
        .toolbar button[aria-pressed="true"] { background: #f4f4f0; color: #1d1d1b; }
        .toolbar .live { font-size: 12px; opacity: .8; }
        .layout { display: flex; align-items: flex-start; }
        .pages { flex: 1; min-width: 0; padding: 1.5rem; display: flex; flex-direction: column; align-items: center; gap: 1.5rem; }
        .page { margin: 0; width: 100%; display: flex; flex-direction: column; align-items: center; }
        .sheet { position: relative; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); width: calc(var(--w) * 1pt); max-width: none; }
        body[data-zoom="fit"] .sheet { width: 100%; }
        body[data-zoom="150"] .sheet { width: calc(var(--w) * 1.5pt); }
        .sheet img { display: block; width: 100%; height: auto; }
        .page figcaption { margin-top: .4rem; color: #555; font-size: 12px; }
        .mark { position: absolute; display: block; border-radius: 2px; outline: 2px solid; }
        .mark.warning { background: rgba(255, 190, 0, .25); outline-color: rgba(230, 150, 0, .9); }
        .mark.error { background: rgba(220, 40, 40, .2); outline-color: rgba(200, 20, 20, .9); }
        .mark.note { background: rgba(40, 120, 220, .15); outline-color: rgba(40, 120, 220, .8); }
        .mark:target, .mark.active { outline-width: 4px; }
        .diagnostics { position: sticky; top: var(--bar); width: 24rem; max-height: calc(100vh - var(--bar)); overflow: auto;
          min-height: calc(100vh - var(--bar)); padding: 1rem; background: #fafaf7; border-left: 1px solid #ccc; }
        .diagnostics h2 { font-size: 15px; margin: 0 0 .5rem; }
        .diagnostics ol { list-style: none; margin: 0; padding: 0; }
        .diagnostics li { padding: .35rem .5rem; margin-bottom: .3rem; border-left: 4px solid #aaa; background: #fff; word-wrap: break-word; }
        .diagnostics li.warning { border-color: #e69600; }
        .diagnostics li.error { border-color: #c81414; background: #fff3f3; }
        .diagnostics li:target { box-shadow: 0 0 0 2px #2b6cd4; }
        .diagnostics .loc { font-family: ui-monospace, monospace; }
        .diagnostics .sev { font-size: 11px; text-transform: uppercase; color: #666; margin-left: .3rem; }
        .stale { padding: .5rem; background: #fff3cd; border: 1px solid #e6c86e; margin-bottom: .5rem; }
        .none { color: #666; }
        .index { padding: 1.5rem; }
        .cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1.25rem; }
        .card a { display: block; color: inherit; text-decoration: none; background: #fff; padding: .75rem; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
        .card img { display: block; width: 100%; height: auto; border: 1px solid #ddd; margin-bottom: .5rem; }
        .card .headline { display: block; font-weight: 600; }
        .card .path { display: block; color: #666; font-size: 12px; }
        .card .count { display: inline-block; font-size: 12px; margin-top: .3rem; }
        .card .count.warning { color: #9a6400; }
        .card .count.error { color: #c81414; }
        """

    /// Zoom buttons (remembered in localStorage), scroll kept across reloads (sessionStorage),
    /// and, only when served over HTTP, live reload: `/events` sends the current render's
    /// generation on connect and after each render; a page of another generation reloads.
    static let script = """
        (function () {
          var body = document.body;
          var zoomKey = 'galley-preview-zoom';
          var buttons = document.querySelectorAll('[data-set-zoom]');
          function setZoom(z) {
            body.setAttribute('data-zoom', z);
            try { localStorage.setItem(zoomKey, z); } catch (e) {}
            for (var i = 0; i < buttons.length; i++) {
              buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-set-zoom') === z));
            }
          }
          for (var i = 0; i < buttons.length; i++) {
            buttons[i].addEventListener('click', function (e) { setZoom(e.currentTarget.getAttribute('data-set-zoom')); });
          }
          var saved = null;
          try { saved = localStorage.getItem(zoomKey); } catch (e) {}
          setZoom(saved === '100' || saved === '150' ? saved : 'fit');
          var scrollKey = 'galley-preview-scroll:' + location.pathname;
          if ('scrollRestoration' in history) { history.scrollRestoration = 'manual'; }
          var y = null;
          try { y = sessionStorage.getItem(scrollKey); sessionStorage.removeItem(scrollKey); } catch (e) {}
          if (y !== null) { window.scrollTo(0, Number(y)); }
          if (location.protocol !== 'http:' && location.protocol !== 'https:') { return; }
          var live = document.getElementById('live');
          var events = new EventSource('/events');
          events.onopen = function () { if (live) { live.textContent = '● live'; } };
          events.onerror = function () { if (live) { live.textContent = '○ reconnecting'; } };
          events.onmessage = function (e) {
            if (e.data === body.getAttribute('data-generation')) { return; }
            try { sessionStorage.setItem(scrollKey, String(window.scrollY)); } catch (err) {}
            events.close();
            location.reload();
          };
        })();
        """
}

extension PreviewStyle {
    /// The start of every preview page, up to the opening of its toolbar: one place for the
    /// doctype, meta tags, title and style sheet of article pages and folder indexes alike.
    static func documentHead(title: String, generation: Int) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="galley preview">
        <title>\(HTMLText.escape(title)) — galley preview</title>
        <style>\(PreviewStyle.css)</style>
        </head>
        <body data-zoom="fit" data-generation="\(generation)">
        <header class="toolbar">

        """
    }
}
