// The build compiles every message to its ICU AST (webpack/compile-messages.cjs), so the browser
// bundle carries no ICU parser: each compiled message must format exactly as its text does.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { parse } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import ts from 'typescript';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compileMessages } = require('../../../webpack/compile-messages.cjs') as {
  compileMessages: (source: string, fileName: string, p: typeof parse) => string;
};

const ROOT = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

/** id -> defaultMessage initializer text (as written) of every descriptor in a source. */
function descriptors(source: string, fileName: string): Map<string, string> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const out = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const prop = (name: string) =>
        node.properties.find(
          (p): p is ts.PropertyAssignment =>
            ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name,
        );
      const id = prop('id');
      const message = prop('defaultMessage');
      if (id && message && ts.isStringLiteral(id.initializer))
        out.set(id.initializer.text, message.initializer.getText(file));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** Every argument gets the number 2 (valid for text, number, plural and select's `other`). */
function sampleValues(text: string): Record<string, number> {
  return Object.fromEntries([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => [m[1]!, 2]));
}

const messageFiles = sourceFiles(path.join(ROOT, 'src')).filter((f) =>
  /defaultMessage\s*:/.test(fs.readFileSync(f, 'utf8')),
);

test('the tab has message modules to compile', () => {
  expect(messageFiles.length).toBeGreaterThanOrEqual(8);
});

test.each(messageFiles.map((f) => [path.relative(ROOT, f), f]))(
  '%s: every message compiles to an AST that formats as its text, and no description ships',
  (_rel, file) => {
    const source = fs.readFileSync(file, 'utf8');
    const compiled = compileMessages(source, file, parse);
    const before = descriptors(source, file);
    const after = descriptors(compiled, file);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(before.size).toBeGreaterThan(0);
    for (const [id, written] of before) {
      // The text as JavaScript reads it (literals, `+` of literals), in a context of its own.
      const str = vm.runInNewContext(written, {}) as string;
      const ast = JSON.parse(after.get(id)!) as ReturnType<typeof parse>;
      const values = sampleValues(str);
      expect([id, new IntlMessageFormat(ast, 'en-US').format(values)]).toEqual([
        id,
        new IntlMessageFormat(str, 'en-US').format(values),
      ]);
    }
    expect(compiled).not.toMatch(/\bdescription\s*:\s*['"`]/);
    // Line numbers are kept for stack traces of development builds.
    expect(compiled.split('\n')).toHaveLength(source.split('\n').length);
  },
);

describe('compileMessages', () => {
  const compile = (src: string) => compileMessages(src, 'x.ts', parse);

  it('drops the description and the comma after it, keeping the lines', () => {
    const out = compile(
      "const m = {\n  a: {\n    id: 'a',\n    description: 'for\\n translators',\n    defaultMessage: 'Hi {name}',\n  },\n};\n",
    );
    expect(out).not.toContain('translators');
    expect(out).toContain(JSON.stringify(parse('Hi {name}')));
    expect(out.split('\n')).toHaveLength(8);
  });

  it('compiles a `+` of literals, plurals and selects', () => {
    const out = compile(
      "x({ id: 'p', defaultMessage: '{count, plural, one {# host}' + ' other {# hosts}}' });",
    );
    const ast = JSON.parse(/defaultMessage: (.*) \}\);/.exec(out)![1]!) as ReturnType<typeof parse>;
    expect(new IntlMessageFormat(ast, 'en-US').format({ count: 3 })).toBe('3 hosts');
  });

  it('refuses a message that is not a literal, naming the file and line', () => {
    expect(() => compile("\nx({ id: 'v', defaultMessage: someText });")).toThrow(
      /x\.ts:2: defaultMessage must be a string literal/,
    );
  });

  it('refuses a message that is not valid ICU', () => {
    expect(() => compile("x({ id: 'b', defaultMessage: 'Hi {name' });")).toThrow(
      /x\.ts:1: not a valid ICU message/,
    );
  });

  it('leaves objects that are not message descriptors alone', () => {
    const src = "const o = { name: 'sync-jobs', description: 'How many', defaultMessage: 'x' };";
    expect(compile(src)).toBe(src);
  });
});
