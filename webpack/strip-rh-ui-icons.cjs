// PatternFly 6.6's icons carry two drawings each: the default one and the "rh-ui" one, which PF
// shows only inside `.pf-v6-icon-set-rh-ui` (react-core's base.css: `.pf-v6-svg .pf-v6-icon-rh-ui
// { display: none }` otherwise). Neither WebAdmin nor the tab ever sets that class, so the second
// drawing is dead weight in every icon: it is dropped here, and `createIconBase` (createIcon.js)
// then renders the default drawing alone, as it does for icons that have no rh-ui twin.
'use strict';

// Each icon module of dist/esm/icons/ has its config on single lines:
//   rhUiIcon: {"xOffset":0,...,"svgPathData":"..."},   or   rhUiIcon: null,
const RH_UI = /^ {2}rhUiIcon: \{.*\},\n/m;

module.exports = function stripRhUiIcon(source) {
  return source.replace(RH_UI, '');
};
