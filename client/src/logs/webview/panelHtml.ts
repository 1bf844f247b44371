// The log panel's page: a query box, a line-filter box, a status line and the lines. Everything inline
// under a CSP that allows only this page's nonce: no remote resources, no eval; text is escaped here
// and set with textContent by the script.
import { PANEL_SCRIPT } from './panelScript';
import { PANEL_STYLE } from './panelStyle';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function panelHtml(nonce: string, title: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'none'; font-src 'none'; connect-src 'none'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${PANEL_STYLE}</style>
</head>
<body>
<form id="controls">
  <label>Query <input id="query" type="text" spellcheck="false" autocomplete="off"></label>
  <label>Line contains <input id="filter" type="text" spellcheck="false" autocomplete="off"></label>
  <button type="submit">Run</button>
</form>
<div id="bar"><span id="status" class="progress">starting…</span><span id="source"></span><span id="dropped"></span></div>
<div id="lines" role="log" aria-live="off"></div>
<script nonce="${nonce}">${PANEL_SCRIPT}</script>
</body>
</html>`;
}
