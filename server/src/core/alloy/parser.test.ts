import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Attribute, Block, blockNameSpan, Expr } from './ast';
import { parseAlloy, parseAlloyExpression } from './parser';
import { stringValue } from './quote';
import { attributesOf, stringLiteralsOf, traversalsInBody, traversalsOf, traversalText, walkBlocks } from './traverse';

/** Renders an expression with full parentheses, to check precedence and associativity. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'binary': return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'unary': return `(${e.op}${show(e.value)})`;
    case 'literal': return e.raw;
    case 'identifier': return e.name;
    case 'access': return `${show(e.value)}.${e.name.name}`;
    case 'index': return `${show(e.value)}[${show(e.index)}]`;
    case 'call': return `${show(e.value)}(${e.args.map(show).join(', ')})`;
    case 'paren': return `(${show(e.inner)})`;
    case 'array': return `[${e.elements.map(show).join(', ')}]`;
    case 'object': return `{${e.fields.map((f) => `${f.name.name}=${show(f.value)}`).join(', ')}}`;
    case 'bad': return '<bad>';
  }
}

function expr(src: string): string {
  const { expr, errors } = parseAlloyExpression(src);
  assert.deepEqual(errors, [], src);
  return show(expr);
}

test('operator precedence, left associativity, right-associative ^ and unary operators', () => {
  assert.equal(expr('a || b && c == d + e * f ^ g'), '(a || (b && (c == (d + (e * (f ^ g))))))');
  assert.equal(expr('1 - 2 - 3'), '((1 - 2) - 3)');
  assert.equal(expr('2 ^ 3 ^ 2'), '(2 ^ (3 ^ 2))');
  assert.equal(expr('-a ^ 2'), '((-a) ^ 2)');
  assert.equal(expr('!!x.y[0](1, 2,)'), '(!(!x.y[0](1, 2)))');
  assert.equal(expr('(1 + 2) * 3 % 4 / 5'), '(((((1 + 2)) * 3) % 4) / 5)');
  assert.equal(expr('a < b != c >= d'), '(((a < b) != c) >= d)');
  assert.equal(expr('[1, [2], {a = 1, "b c" = 2,},]'), '[1, [2], {a=1, b c=2}]');
});

test('statements: attributes, labelled and nested blocks, with spans', () => {
  const src = 'a = 1\nprometheus.scrape "x" {\n  inner { b = [] }\n}\n';
  const { file, errors } = parseAlloy(src);
  assert.deepEqual(errors, []);
  const [attr, block] = file.body as [Attribute, Block];
  assert.equal(attr.name.name, 'a');
  assert.deepEqual(attr.span, { start: 0, end: 5 });
  assert.equal(src.slice(block.span.start, block.span.end), src.slice(6, -1));
  assert.equal(src.slice(blockNameSpan(block).start, blockNameSpan(block).end), 'prometheus.scrape');
  assert.equal(block.label?.name, 'x');
  assert.equal(src.slice(block.label!.span.start, block.label!.span.end), '"x"');
  assert.deepEqual([...walkBlocks(file.body)].map((v) => `${v.fullName}/${v.parents.length}`), ['prometheus.scrape/0', 'inner/1']);
});

test('errors do not lose the good statements around them', () => {
  const src = 'a = 1\nb = = 2\nc { d = }\ne = 3\nf.g "h" {\n  i = 4\n}\n';
  const { file, errors } = parseAlloy(src);
  assert.deepEqual(errors.map((e) => e.message), ['expected expression, got =', 'expected expression, got }']);
  assert.deepEqual(file.body.map((s) => (s.kind === 'attribute' ? s.name.name : s.name.map((n) => n.name).join('.'))),
    ['a', 'b', 'c', 'e', 'f.g']);
  assert.deepEqual(attributesOf((file.body[4] as Block).body).map((a) => a.name.name), ['i']);
});

test('several errors in one file are reported, one per line', () => {
  const { errors } = parseAlloy('c = [1 2]\na = 1;\nb = (1\n');
  assert.deepEqual(errors.map((e) => e.message), [
    "missing ',' in expression list", "illegal character U+003B ';'", 'expected TERMINATOR, got ILLEGAL', 'expected ), got TERMINATOR',
  ]);
});

// `f(g.h).i` gives `g.h.i`: Alloy's walker still has `g.h` open when it reaches `.i`.
test('traversals follow Alloy: an index or a call ends one', () => {
  const { file } = parseAlloy('x = [loki.write.local.receiver, a.b[0].c, f(g.h).i, sys.env("X"), (p).q]\nblk { y = z.w }\n');
  assert.deepEqual(traversalsInBody(file.body).map(traversalText), [
    'loki.write.local.receiver', 'a.b', 'f', 'g.h.i', 'sys.env', 'p.q', 'z.w']);
  const [t] = traversalsOf((file.body[0] as Attribute).value);
  assert.deepEqual(t.map((s) => s.span.start), [5, 10, 16, 22]);
});

test('string literals with their unescaped values', () => {
  const { file } = parseAlloy('x = ["a\\tb\\u00e9\\x41\\101", `raw\\n`, {k = "\\"q\\""}]\n');
  assert.deepEqual(stringLiteralsOf((file.body[0] as Attribute).value).map((s) => s.value), ['a\tbéAA', 'raw\\n', '"q"']);
  assert.equal(stringValue('"\\q"'), '\\q');
});

test('deep nesting is an error, not a stack overflow', () => {
  const { errors } = parseAlloy('x = ' + '['.repeat(100000));
  assert.equal(errors[0].message, 'nesting is too deep');
});

const VALID = `logging {
  level  = "info" // comment
  format = "logfmt"
}

discovery.relabel "logs" {
  targets = discovery.docker.containers.targets
  rule {
    source_labels = ["__meta_docker_container_name"]
    regex         = "/(.*)"
    target_label  = "container"
  }
}

loki.write "local" {
  endpoint { url = sys.env("LOKI") + "/loki/api/v1/push" }
  external_labels = { "env" = "dev", team = 1 ^ 2 * -3, }
}
`;

test('property: the parser never throws and spans stay inside the text', () => {
  const check = (text: string): void => {
    const { file, errors, comments } = parseAlloy(text);
    for (const { span } of [...errors, ...comments, ...file.body]) {
      assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, JSON.stringify({ text, span }));
    }
  };
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 2000 });
  const alphabet = fc.constantFrom(...'{}[](),.=+-*/^!|&<>"`\'\\\n #;:1a'.split(''));
  fc.assert(fc.property(fc.string({ unit: alphabet, maxLength: 120 }), check), { numRuns: 2000 });
  const mutation = fc.tuple(fc.nat(VALID.length), fc.nat(8), fc.string({ unit: alphabet, maxLength: 4 }));
  fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (edits) => {
    let text = VALID;
    for (const [at, del, ins] of edits) text = text.slice(0, at) + ins + text.slice(at + del);
    check(text);
  }), { numRuns: 2000 });
  assert.deepEqual(parseAlloy(VALID).errors, []);
});
