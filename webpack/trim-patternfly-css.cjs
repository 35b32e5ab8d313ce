// A webpack loader that drops from PatternFly's CSS what the tab never shows, before css-loader:
//  - the other themes' tokens: PF6 ships dark, high-contrast, "felt" and "glass" token sets for a
//    page whose <html> carries pf-v6-theme-* classes. The tab's page never sets one (WebAdmin of
//    oVirt 4.5 has no theme switch), so only the default light tokens apply. About 170 KiB of the
//    275 KiB of base.css.
//  - the pficon icon font's classes (.pf-v6-pficon-*:before) and its @font-face: the tab draws its
//    icons as SVG (@patternfly/react-icons), never with the font.
//  - whole files of components that the tab does not render but that a barrel import pulls in
//    (react-table's Table imports tree-view, inline-edit, popover, …): EMPTIED below, each with why.
// docs/bundle.md has the figures. A rule mixing a theme selector with others keeps the others.
const postcss = require('postcss');

const THEME = /\.pf-v6-theme-(dark|high-contrast|felt|glass)\b/;
const PFICON = /\.pf-v6-pficon-/;

/** PatternFly CSS files the tab does not use (path suffix → why). */
const EMPTIED = {
  'components/Table/table-tree-view.css': 'no tree table (isTreeTable) anywhere',
  'components/InlineEdit/inline-edit.css': 'no inline editing (Table imports it for editable rows)',
  'components/Breadcrumb/breadcrumb.css': 'no breadcrumb',
  'components/ActionList/action-list.css': 'no ActionList',
  'components/Popover/popover.css': 'no Popover (help is in Tooltips and the details)',
  'components/Panel/panel.css': "SearchInput's advanced-search panel only: the filter has none",
};

function emptied(resourcePath) {
  const p = resourcePath.replace(/\\/g, '/');
  return Object.keys(EMPTIED).some((suffix) => p.endsWith(`/react-styles/css/${suffix}`));
}

function trim(css) {
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    const keep = rule.selectors.filter((s) => !THEME.test(s) && !PFICON.test(s));
    if (keep.length === 0) rule.remove();
    else if (keep.length !== rule.selectors.length) rule.selectors = keep;
  });
  root.walkAtRules('font-face', (at) => {
    if (/pf-v6-pficon/.test(at.toString())) at.remove();
  });
  // at-rules (media, supports, container) left empty by the removals
  root.walkAtRules((at) => {
    if (at.nodes && at.nodes.length === 0) at.remove();
  });
  return root.toString();
}

module.exports = function trimPatternflyCss(source) {
  if (!/[\\/]@patternfly[\\/]/.test(this.resourcePath)) return source;
  if (emptied(this.resourcePath)) return '';
  return trim(source);
};
module.exports.trim = trim;
module.exports.EMPTIED = EMPTIED;
