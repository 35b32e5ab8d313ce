// Compiles the tab's ICU messages at build time, so the browser needs no ICU parser.
//
// Every message descriptor (an object literal with `id` and `defaultMessage`, as defineMessages
// takes them) gets its `defaultMessage` replaced by the FormatJS AST of the text, parsed here with
// the same parser and options intl-messageformat uses at run time (intl-messageformat/index.js:
// `IntlMessageFormat.__parse(message, { ...opts, locale })`), and loses its `description` (for
// translators, read by `formatjs extract` from the source; the browser never shows it). With every
// message an AST, webpack aliases `@formatjs/icu-messageformat-parser` to its `no-parser` build
// (webpack.config.js), which keeps the AST types and drops the parser (~8 KiB gzip of the first
// paint). This is what babel-plugin-formatjs's `ast: true` does; its SWC twin,
// @swc/plugin-formatjs, does not load in the project's @swc/core (Wasm ABI), hence this loader.
//
// A descriptor whose `defaultMessage` is not a literal (or a `+` of literals) fails the build: at
// run time it would reach a parser that is not there. Line numbers are kept (removed text becomes
// as many line breaks), so stack traces of development builds still point at the source line.
'use strict';

const ts = require('typescript');

let parserPromise = null;
/** The real parser, loaded once (an ES module). */
function loadParser() {
  parserPromise ??= import('@formatjs/icu-messageformat-parser');
  return parserPromise;
}

/** The text of a string literal, a no-substitution template or a `+` of them; else null. */
function literalText(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literalText(node.left);
    const right = literalText(node.right);
    return left === null || right === null ? null : left + right;
  }
  return null;
}

function propertyNamed(obj, name) {
  return obj.properties.find(
    (p) =>
      ts.isPropertyAssignment(p) &&
      (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) &&
      p.name.text === name,
  );
}

/** The same number of line breaks as `text` has: what replaces removed text. */
function sameLines(text) {
  return '\n'.repeat((text.match(/\n/g) ?? []).length);
}

/**
 * The source with its message descriptors compiled; `parse` is the FormatJS parser. Throws with
 * file and line for a descriptor it cannot compile.
 */
function compileMessages(source, fileName, parse) {
  if (!source.includes('defaultMessage')) return source;
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  /** [start, end, replacement], applied from the end. */
  const edits = [];
  const where = (node) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    return `${fileName}:${line + 1}`;
  };
  const visit = (node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const message = propertyNamed(node, 'defaultMessage');
      if (message && propertyNamed(node, 'id')) {
        const text = literalText(message.initializer);
        if (text === null)
          throw new Error(
            `${where(message)}: defaultMessage must be a string literal, compiled at build (webpack/compile-messages.cjs)`,
          );
        let ast;
        try {
          ast = parse(text, { locale: new Intl.Locale('en-US') });
        } catch (err) {
          throw new Error(`${where(message)}: not a valid ICU message: ${err.message}`, {
            cause: err,
          });
        }
        const init = message.initializer;
        const original = source.slice(init.getStart(file), init.end);
        edits.push([init.getStart(file), init.end, JSON.stringify(ast) + sameLines(original)]);
        const description = propertyNamed(node, 'description');
        if (description) {
          // The property and the comma after it, if any.
          let end = description.end;
          const rest = source.slice(end);
          const comma = /^\s*,/.exec(rest);
          if (comma) end += comma[0].length;
          const start = description.getStart(file);
          edits.push([start, end, sameLines(source.slice(start, end))]);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  edits.sort((a, b) => b[0] - a[0]);
  let out = source;
  for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/** @this {import('webpack').LoaderContext<unknown>} */
function loader(source) {
  const callback = this.async();
  loadParser().then(
    ({ parse }) => {
      try {
        callback(null, compileMessages(source, this.resourcePath, parse));
      } catch (err) {
        callback(err);
      }
    },
    (err) => callback(err),
  );
}

module.exports = loader;
module.exports.compileMessages = compileMessages;
