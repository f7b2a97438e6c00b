// The page's stylesheet, inserted by the script with the page's nonce (the CSP allows no inline
// style otherwise). Colours are VS Code theme variables with fallbacks for a page outside VS Code.

export const pageCss = `
:root { color-scheme: light dark; }
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
body {
  display: flex; flex-direction: column;
  background: var(--vscode-editor-background, #1e1e1e); color: var(--vscode-foreground, #cccccc);
  font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 13px);
}
.toolbar {
  display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 6px 8px;
  border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, #80808059));
}
.toolbar .group { display: inline-flex; }
.toolbar button {
  font: inherit; color: var(--vscode-button-secondaryForeground, #cccccc);
  background: var(--vscode-button-secondaryBackground, #3a3d41);
  border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent));
  padding: 2px 10px; border-radius: 2px; cursor: pointer;
}
.toolbar .group button:first-child { border-radius: 2px 0 0 2px; }
.toolbar .group button:last-child { border-radius: 0 2px 2px 0; }
.toolbar button[aria-pressed="true"] {
  color: var(--vscode-button-foreground, #ffffff); background: var(--vscode-button-background, #0e639c);
}
.toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground, #45494e); }
.toolbar button[aria-pressed="true"]:hover { background: var(--vscode-button-hoverBackground, #1177bb); }
.toolbar button:focus-visible, .outline button:focus-visible { outline: 1px solid var(--vscode-focusBorder, #007fd4); outline-offset: 1px; }
.toolbar .title { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 40%; }
.toolbar .status { color: var(--vscode-descriptionForeground, #9d9d9d); flex: 1; min-width: 8em; }
.toolbar .status.error { color: var(--vscode-errorForeground, #f48771); }
.legend { display: inline-flex; gap: 10px; color: var(--vscode-descriptionForeground, #9d9d9d); font-size: 0.9em; }
.legend .swatch { display: inline-block; width: 18px; height: 0; vertical-align: middle; margin-right: 4px; border-top: 2px solid; }
.legend .peering { border-color: var(--vscode-charts-blue, #3794ff); }
.legend .broken { border-top-style: dashed; border-color: var(--vscode-errorForeground, #f48771); }
.legend .dns { border-top-style: dotted; border-color: var(--vscode-charts-orange, #d18616); }
main { flex: 1; display: flex; min-height: 0; }
main .graph-area { flex: 1; min-width: 0; position: relative; display: flex; flex-direction: column; }
#graph { flex: 1; min-height: 0; position: relative; overflow: hidden; }
#graph svg.drawing { position: absolute; inset: 0; display: block; touch-action: none; user-select: none; }
.empty {
  position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; text-align: center;
  padding: 2em; color: var(--vscode-descriptionForeground, #9d9d9d); pointer-events: none;
}
.resolution {
  flex: none; max-height: 38%; overflow: auto; padding: 4px 10px;
  background: var(--vscode-sideBar-background, transparent);
  border-top: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, #80808059));
}
.resolution[hidden] { display: none; }
.resolution h2 { font-size: 1em; margin: 4px 0; }
.resolution h3 { font-size: 1em; font-weight: normal; margin: 6px 0 2px; overflow-wrap: anywhere; }
.resolution .verdict { font-weight: 600; }
.resolution .private .verdict { color: var(--vscode-charts-green, #89d185); }
.resolution .public .verdict { color: var(--vscode-errorForeground, #f48771); }
.resolution .unknown .verdict { color: var(--vscode-editorWarning-foreground, #cca700); }
.resolution ol { margin: 0; padding-left: 1.6em; }
.resolution li, .resolution p { overflow-wrap: anywhere; color: var(--vscode-descriptionForeground, #9d9d9d); }
.resolution p { margin: 4px 0; }
.outline {
  width: 32%; min-width: 14em; max-width: 28em; overflow: auto; padding: 4px 8px;
  border-left: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, #80808059));
  background: var(--vscode-sideBar-background, transparent);
}
.outline[hidden], .empty[hidden] { display: none; }
.outline h2 { font-size: 1em; margin: 8px 0 4px; }
.outline ul { list-style: none; margin: 0; padding-left: 12px; }
.outline > ul { padding-left: 0; }
.outline button {
  font: inherit; color: inherit; background: none; border: none; padding: 1px 2px; text-align: left; cursor: pointer;
  overflow-wrap: anywhere;
}
.outline button:hover { color: var(--vscode-textLink-activeForeground, #3794ff); }
.outline button:disabled { cursor: default; color: inherit; }
.outline .details { display: block; padding-left: 4px; color: var(--vscode-descriptionForeground, #9d9d9d); font-size: 0.9em; overflow-wrap: anywhere; }
.outline .finding.error button { color: var(--vscode-editorError-foreground, #f14c4c); }
.outline .finding.warning button { color: var(--vscode-editorWarning-foreground, #cca700); }
.outline .finding.info button { color: var(--vscode-editorInfo-foreground, #3794ff); }
.outline .outline-edge.broken > button { color: var(--vscode-errorForeground, #f48771); }
body.vscode-high-contrast .toolbar button, body.vscode-high-contrast-light .toolbar button { border-color: var(--vscode-contrastBorder, #6fc3df); }
`;
