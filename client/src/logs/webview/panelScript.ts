// The log panel's script, inlined under the page's nonce. Plain browser JavaScript in a string: the
// extension bundle must not carry DOM code, and the page loads nothing from outside. Lines arrive in
// batches and are built with textContent (never innerHTML); the DOM keeps at most `capacity` lines.
export const PANEL_SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const byId = (id) => document.getElementById(id);
  const form = byId('controls'), query = byId('query'), filter = byId('filter');
  const status = byId('status'), source = byId('source'), dropped = byId('dropped'), lines = byId('lines');
  let capacity = 10000;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'run', query: query.value, lineFilter: filter.value });
  });

  // JSON lines expand to their pretty-printed fields on click.
  lines.addEventListener('click', (event) => {
    const text = event.target.closest('.line.json > .text');
    if (!text) return;
    const row = text.parentElement;
    const open = row.querySelector('pre');
    if (open) { open.remove(); row.classList.remove('open'); return; }
    const pre = document.createElement('pre');
    try { pre.textContent = JSON.stringify(JSON.parse(text.textContent), null, 2); } catch (e) { pre.textContent = String(e); }
    row.appendChild(pre);
    row.classList.add('open');
  });

  function span(cls, text) {
    const el = document.createElement('span');
    el.className = cls;
    el.textContent = text;
    return el;
  }

  function append(batch) {
    const atBottom = lines.scrollTop + lines.clientHeight >= lines.scrollHeight - 8;
    const fragment = document.createDocumentFragment();
    for (const line of batch) {
      const row = document.createElement('div');
      row.className = 'line lvl-' + line.level + (line.json ? ' json' : '');
      row.appendChild(span('time', line.time));
      if (line.source) row.appendChild(span('source', line.source));
      row.appendChild(span('text', line.text));
      fragment.appendChild(row);
    }
    lines.appendChild(fragment);
    for (let extra = lines.childElementCount - capacity; extra > 0; extra--) lines.firstElementChild.remove();
    if (atBottom) lines.scrollTop = lines.scrollHeight;
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    switch (m.type) {
      case 'init':
        query.value = m.query;
        filter.value = m.lineFilter;
        query.disabled = !m.queryEditable;
        source.textContent = m.source;
        capacity = m.capacity;
        break;
      case 'reset':
        lines.replaceChildren();
        dropped.textContent = '';
        break;
      case 'lines':
        append(m.lines);
        dropped.textContent = m.dropped > 0 ? m.dropped + ' older lines dropped from view' : '';
        break;
      case 'status':
        status.textContent = m.text;
        status.className = m.kind;
        break;
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
`;
