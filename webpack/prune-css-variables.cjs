// Drops the CSS custom properties nothing reads. PatternFly 6 defines thousands of design tokens
// (`--pf-t--global--…` in base.css, `--pf-v6-c-<component>--…` per component) and each component
// reads the few it needs with var(); a token that no var() of any stylesheet of the build reads,
// and whose name no script of the build mentions (PatternFly's react-tokens and components set or
// read some by name from JavaScript), cannot change how anything looks. Removing one can leave
// another unread (tokens are defined from tokens), so it runs until nothing more goes.
//
// It sees every CSS and JS asset of the compilation at once (the chunks loaded on demand too), so a
// token read only by a dialog's stylesheet stays. A custom property set at run time by an inline
// style is a definition, not a reading: it never keeps a stylesheet's definition alive, and is
// never removed (it is not in a stylesheet).
'use strict';

const { Compilation, sources } = require('webpack');

/** Every `--name` read by var() in the CSS, or named anywhere in the JS. */
function readNames(cssTexts, jsText) {
  const names = new Set();
  for (const css of cssTexts) for (const m of css.matchAll(/var\(\s*(--[\w-]+)/g)) names.add(m[1]);
  for (const m of jsText.matchAll(/--[a-zA-Z][\w-]*/g)) names.add(m[0]);
  return names;
}

/**
 * A custom property declaration: after `{` or `;` (looked at, not consumed, so the next one is
 * seen too), `--name: value` with its `;`, or up to the rule's `}`.
 */
const DECLARATION = /(?<=^|[;{])\s*(--[\w-]+)\s*:[^;{}]*(?:;|(?=\}))/g;

/**
 * The stylesheets without the custom properties nothing reads; `removed` counts declarations.
 * Pure: the tests call it on texts.
 */
function pruneCssVariables(cssTexts, jsText) {
  let texts = cssTexts;
  let removed = 0;
  for (;;) {
    const read = readNames(texts, jsText);
    let now = 0;
    texts = texts.map((css) =>
      css.replace(DECLARATION, (whole, name) => {
        if (read.has(name)) return whole;
        now++;
        return '';
      }),
    );
    removed += now;
    if (now === 0) return { texts, removed };
  }
}

class PruneCssVariablesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PruneCssVariablesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: 'PruneCssVariablesPlugin',
          stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE,
        },
        (assets) => {
          const names = Object.keys(assets);
          const css = names.filter((n) => n.endsWith('.css'));
          const js = names
            .filter((n) => n.endsWith('.js'))
            .map((n) => assets[n].source().toString())
            .join('\n');
          const { texts } = pruneCssVariables(
            css.map((n) => assets[n].source().toString()),
            js,
          );
          css.forEach((n, i) => compilation.updateAsset(n, new sources.RawSource(texts[i])));
        },
      );
    });
  }
}

module.exports = PruneCssVariablesPlugin;
module.exports.pruneCssVariables = pruneCssVariables;
