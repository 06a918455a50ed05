// The call flow webview's page, apart from VS Code so that the benchmark can paint the same page:
// only the extension's own nonce'd script and style, nothing remote (the trace's text is hostile).

export interface PageSources {
  readonly nonce: string;
  /** Where styles and fonts may come from (the webview's cspSource). */
  readonly source: string;
  readonly script: string;
  readonly style: string;
}

export function callFlowPage({ nonce, source, script, style }: PageSources): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${source}; script-src 'nonce-${nonce}'; font-src ${source};">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style}">
<title>Call flow</title>
</head>
<body>
<div id="toolbar">
<button id="toggle-calls" title="The calls of the trace: pick some and show them"><i class="codicon codicon-list-unordered" aria-hidden="true"></i> Calls</button>
<button id="show-selected"><i class="codicon codicon-filter" aria-hidden="true"></i> Show selected</button>
<button id="show-all"><i class="codicon codicon-check-all" aria-hidden="true"></i> Show all</button>
<label><input type="checkbox" id="legs"> with related legs</label>
<button data-export="svg"><i class="codicon codicon-export" aria-hidden="true"></i> Export SVG</button>
<button data-export="mermaid"><i class="codicon codicon-file-code" aria-hidden="true"></i> Mermaid</button>
<button data-export="plantuml"><i class="codicon codicon-file-code" aria-hidden="true"></i> PlantUML</button>
<button data-export="csv"><i class="codicon codicon-table" aria-hidden="true"></i> Calls CSV</button>
<span id="summary"></span>
</div>
<div id="calls"><table><thead><tr><th></th><th>Call-ID</th><th>From</th><th>To</th><th>Method</th><th>Start</th><th>Duration</th><th>Msgs</th><th>State</th><th>Findings</th><th>Legs</th></tr></thead><tbody id="calls-body"></tbody></table></div>
<div id="header-wrap"><div id="header"></div></div>
<div id="scroller" tabindex="0"><div id="spacer"><svg id="rows" xmlns="http://www.w3.org/2000/svg"></svg></div></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
