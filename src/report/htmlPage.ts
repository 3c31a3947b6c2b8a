/** Text and attribute values in HTML. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** JSON inside `<script type="application/json">`: `<` escaped so that no `</script>` ends it early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

const BASE_CSS = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--ok:#1a7f37;--bad:#cf222e}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;--ok:#3fb950;--bad:#f85149}}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:1.5rem}
h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.muted{color:var(--muted)}.ok{color:var(--ok)}.bad{color:var(--bad)}
table.plain{border-collapse:collapse}table.plain th,table.plain td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
`;

/**
 * One self-contained page: inline CSS and script, system fonts, no request to anywhere (a
 * report is opened from a CI artifact, often offline).
 */
export function htmlPage(page: { readonly title: string; readonly body: string; readonly css?: string; readonly script?: string }): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may load from elsewhere; the CSP makes that a property of the page, not a promise.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${BASE_CSS}${page.css ?? ''}</style>`,
    '</head>',
    '<body>',
    page.body,
    page.script ? `<script>${page.script}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
