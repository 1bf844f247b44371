// The log panel's CSS, inlined under the page's nonce; colours from the VS Code theme.
export const PANEL_STYLE = `
body { padding: 0; margin: 0; display: flex; flex-direction: column; height: 100vh; color: var(--vscode-foreground); font-family: var(--vscode-font-family); }
#controls { display: flex; gap: 8px; padding: 6px 8px; align-items: center; border-bottom: 1px solid var(--vscode-panel-border); }
#controls label { display: flex; gap: 4px; align-items: center; white-space: nowrap; }
#controls label:first-child { flex: 3; }
#controls label:nth-child(2) { flex: 1; }
#controls input { flex: 1; min-width: 4em; background: var(--vscode-input-background); color: var(--vscode-input-foreground); border: 1px solid var(--vscode-input-border, transparent); padding: 3px 5px; line-height: 1.4; font-family: var(--vscode-editor-font-family); }
#controls input:disabled { opacity: 0.6; }
#controls button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 12px; cursor: pointer; }
#bar { display: flex; gap: 16px; padding: 3px 8px; font-size: 0.9em; color: var(--vscode-descriptionForeground); }
#status.error { color: var(--vscode-errorForeground); }
#status.ok::before { content: '● '; color: var(--vscode-testing-iconPassed); }
#lines { flex: 1; overflow: auto; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); padding: 2px 8px; }
.line { white-space: pre-wrap; word-break: break-all; line-height: 1.35; }
.line .time { color: var(--vscode-descriptionForeground); margin-right: 8px; }
.line .source { color: var(--vscode-textLink-foreground); margin-right: 8px; }
.line.json > .text { cursor: pointer; }
.line.json > .text::before { content: '▸ '; color: var(--vscode-descriptionForeground); }
.line.json.open > .text::before { content: '▾ '; }
.line pre { margin: 2px 0 4px 24px; color: var(--vscode-foreground); }
.lvl-fatal, .lvl-error { color: var(--vscode-errorForeground); }
.lvl-fatal { font-weight: bold; }
.lvl-warn { color: var(--vscode-editorWarning-foreground); }
.lvl-info { color: var(--vscode-foreground); }
.lvl-debug, .lvl-trace { color: var(--vscode-descriptionForeground); }
`;
