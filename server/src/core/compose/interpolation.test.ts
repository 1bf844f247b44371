import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { interpolate, scanTemplate, type Lookup, type VariableReference } from './interpolation';

const env: Record<string, string> = { A: 'a', EMPTY: '', FOO: 'first' };
const lookup: Lookup = (name) => (Object.hasOwn(env, name) ? env[name] : undefined);

function slice(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

test('offsets of plain, braced and nested references', () => {
  const text = '"x $A ${B:-${C:-$D}} $$E $1 ${F}"';
  const [a, b, f] = scanTemplate(text).references;
  assert.equal(slice(text, a.span), '$A');
  assert.equal(slice(text, a.nameSpan), 'A');
  assert.equal(a.braced, false);
  assert.equal(slice(text, b.span), '${B:-${C:-$D}}');
  assert.equal(slice(text, b.argumentSpan!), '${C:-$D}');
  const [c] = b.nested;
  assert.equal(slice(text, c.span), '${C:-$D}');
  assert.equal(slice(text, c.nameSpan), 'C');
  assert.equal(slice(text, c.nested[0].span), '$D');
  assert.equal(slice(text, f.span), '${F}');
  assert.deepEqual(f.nameSpan, { start: 30, end: 31 });
});

test('escaped and literal dollars are no references', () => {
  const scanned = scanTemplate('$$A $$$B $1 $- $ $} $');
  assert.deepEqual(scanned.errors, []);
  assert.deepEqual(scanned.references.map((r) => [r.name, r.span]), [['B', { start: 6, end: 8 }]]);
  assert.deepEqual(interpolate('$$A $$$B $1 $- $ $} $', lookup), { ok: true, value: '$A $ $1 $- $ $} $' });
});

test('a name ends at the first character outside [_A-Za-z0-9]', () => {
  assert.deepEqual(interpolate('$FOO-bar $FOO.x $A_1b', lookup), { ok: true, value: 'first-bar first.x ' });
});

test('error spans cover the invalid template up to the offending character', () => {
  const cases: [string, string][] = [
    ['x ${ foo}', '${ '],
    ['x ${foo!}', '${foo!'],
    ['x ${foo', '${foo'],
    ['x ${}', '${}'],
    ['x ${', '${'],
    ['x ${foo:-bar\n}', '${foo:-bar'],
  ];
  for (const [text, covered] of cases) {
    const [error] = scanTemplate(text).errors;
    assert.equal(slice(text, error.span), covered, text);
  }
});

test('a modifier needs its closing brace on the same line', () => {
  const result = interpolate('${A:-x\n}', lookup);
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.error.message : '', /"\$\{A:-" is not closed by a "}" on the same line/);
  assert.deepEqual(interpolate('${A:-x\r}', () => undefined), { ok: true, value: 'x\r' });
});

test('errors inside an argument are found by the scan, and by interpolation only when it is used', () => {
  const text = '${A:-${ x}} ${UNSET:-x}';
  assert.equal(scanTemplate(text).errors.length, 1);
  assert.deepEqual(interpolate(text, lookup), { ok: true, value: 'a x' });
  assert.equal(interpolate('${UNSET:-${ x}}', lookup).ok, false);
});

test('the first error wins, left to right', () => {
  const result = interpolate('${UNSET:?first} ${', lookup);
  assert.ok(!result.ok && result.missingRequired === 'UNSET');
  assert.deepEqual(!result.ok && result.error.span, { start: 0, end: 15 });
});

// Upstream's brace counter skips the character after each `{`, so `{}` does not close anything.
test('compose-go quirk: after "{}" in a default the argument runs to the last } on the line', () => {
  const text = '${A:-{}} and ${B}';
  const [ref] = scanTemplate(text).references;
  assert.equal(ref.argument, '{}} and ${B');
  assert.deepEqual(interpolate(text, lookup), { ok: true, value: 'a' });
  assert.equal(interpolate(text, () => undefined).ok, false);
});

test('text after the balancing brace is interpolated on its own', () => {
  assert.deepEqual(interpolate('${UNSET:-a}b} $FOO', lookup), { ok: true, value: 'ab} first' });
  assert.deepEqual(interpolate('${UNSET:-{x}y}', lookup), { ok: true, value: '{x}y' });
});

test('Go case folding lets ſ and K (Kelvin) into names', () => {
  const [s, k] = scanTemplate('$ſ ${\u212A}').references;
  assert.equal(s.name, 'ſ');
  assert.equal(k.name, '\u212A');
  assert.deepEqual(scanTemplate('$é').references, []);
});

test('deep nesting is reported, not a stack overflow', () => {
  const text = '${A:-'.repeat(5000) + '}'.repeat(5000);
  const scanned = scanTemplate(text);
  assert.equal(scanned.errors.length, 1);
  assert.match(scanned.errors[0].message, /nested/);
  assert.equal(interpolate(text, () => undefined).ok, false);
});

function allReferences(refs: VariableReference[]): VariableReference[] {
  return refs.flatMap((r) => [r, ...allReferences(r.nested)]);
}

const templateText = fc.stringMatching(/^[${}:?+\-_aB1 \n'"x\\]*$/);

test('property: scanning never throws and every span lies in the text and names its name', () => {
  fc.assert(
    fc.property(fc.oneof(templateText, fc.string({ unit: 'grapheme' })), (text) => {
      const scanned = scanTemplate(text);
      for (const ref of allReferences(scanned.references)) {
        for (const span of [ref.span, ref.nameSpan, ref.argumentSpan ?? ref.span]) {
          assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length);
        }
        assert.equal(slice(text, ref.nameSpan), ref.name);
        assert.equal(text[ref.span.start], '$');
        if (ref.argumentSpan) assert.equal(slice(text, ref.argumentSpan), ref.argument);
      }
      for (const error of scanned.errors) assert.ok(0 <= error.span.start && error.span.end <= text.length);
    }),
    { numRuns: 2000 },
  );
});

test('property: interpolation never throws, and succeeds without syntax errors or required variables', () => {
  fc.assert(
    fc.property(templateText, (text) => {
      const result = interpolate(text, lookup);
      if (scanTemplate(text).errors.length === 0 && !text.includes('?')) assert.ok(result.ok, text);
    }),
    { numRuns: 2000 },
  );
});

test('property: text without $ interpolates to itself', () => {
  fc.assert(fc.property(fc.string().filter((s) => !s.includes('$')), (text) => {
    assert.deepEqual(interpolate(text, lookup), { ok: true, value: text });
  }));
});
