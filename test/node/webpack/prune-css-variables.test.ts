// The build drops the CSS custom properties nothing reads (webpack/prune-css-variables.cjs), and
// only those: a token read by any stylesheet of the build, or named by any script, stays.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pruneCssVariables } = require('../../../webpack/prune-css-variables.cjs') as {
  pruneCssVariables: (css: string[], js: string) => { texts: string[]; removed: number };
};

test('drops a token nothing reads, keeps one a rule reads', () => {
  const { texts, removed } = pruneCssVariables(
    [':root{--a:1px;--unused:2px}.x{width:var(--a)}'],
    '',
  );
  expect(texts).toEqual([':root{--a:1px;}.x{width:var(--a)}']);
  expect(removed).toBe(1);
});

test('follows chains: a token only an unread token reads goes too, a read chain stays', () => {
  const { texts } = pruneCssVariables(
    [
      ':root{--base:red;--mid:var(--base);--top:var(--mid);--kept:blue;--via:var(--kept)}',
      '.y{color:var(--via)}',
    ],
    '',
  );
  expect(texts[0]).toBe(':root{--kept:blue;--via:var(--kept)}');
});

test('a token read by another stylesheet (a chunk loaded on demand) or in a fallback stays', () => {
  const { texts } = pruneCssVariables(
    [
      ':root{--dialog:4px;--fallback:0;--gone:1}',
      '.modal{margin:var(--nope, var(--fallback)) var(--dialog)}',
    ],
    '',
  );
  expect(texts[0]).toBe(':root{--dialog:4px;--fallback:0;}');
});

test('a token a script names (PatternFly react-tokens, an inline style) stays', () => {
  const { texts } = pruneCssVariables(
    [':root{--pf-t--chart--color:#06c;--pf-v6-c-x--Width:1px}'],
    'const t={name:"--pf-t--chart--color",value:"#06c"};',
  );
  expect(texts[0]).toBe(':root{--pf-t--chart--color:#06c;}');
});

test('other declarations and the last one without a semicolon are left as they are', () => {
  const css = '.z{color:red;--w:1px;display:block}\n.q{ --v: 2px }';
  const { texts } = pruneCssVariables([css], '');
  expect(texts[0]).toBe('.z{color:red;display:block}\n.q{}');
});
