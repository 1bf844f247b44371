// Cases ported from compose-spec/compose-go template/template_test.go and template/variables_test.go
// at e70e961c3a3acebf0800b882f1afb3dbf1fb74a2: the upstream inputs and expected outputs, as data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpolate, scanTemplate, type Lookup } from './interpolation';

// template_test.go `defaults` / `defaultMapping`.
const defaults: Record<string, string> = { FOO: 'first', BAR: '', JSON: '{"json":2}' };
const defaultMapping: Lookup = (name) => (Object.hasOwn(defaults, name) ? defaults[name] : undefined);

function substitutes(template: string, expected: string, lookup: Lookup = defaultMapping): void {
  assert.deepEqual(interpolate(template, lookup), { ok: true, value: expected }, template);
}

function failsWith(template: string, message: string, missingRequired?: string): void {
  const result = interpolate(template, defaultMapping);
  assert.equal(result.ok, false, template);
  if (result.ok) return;
  assert.equal(result.error.message, message, template);
  assert.equal(result.missingRequired, missingRequired, template);
}

const valueCases: [group: string, template: string, expected: string][] = [
  ['TestEscaped', '$${foo}', '${foo}'],
  ['TestSubstituteNoMatch', 'foo', 'foo'],
  ['TestUnescaped', 'a $ string', 'a $ string'],
  ['TestUnescaped', '^REGEX$', '^REGEX$'],
  ['TestUnescaped', '$}', '$}'],
  ['TestUnescaped', '$', '$'],
  ['TestNonBraced', '$FOO-bar', 'first-bar'],
  ['TestNoValueNoDefault', 'This ${missing} var', 'This  var'],
  ['TestNoValueNoDefault', 'This ${BAR} var', 'This  var'],
  ['TestValueNoDefault', 'This $FOO var', 'This first var'],
  ['TestValueNoDefault', 'This ${FOO} var', 'This first var'],
  ['TestNoValueWithDefault', 'ok ${missing:-def}', 'ok def'],
  ['TestNoValueWithDefault', 'ok ${missing-def}', 'ok def'],
  ['TestLazyDefaultDoesNotWarn', '${A:+${A},}B', 'B'],
  ['TestLazyDefaultWarnsWhenUsed', '${A:-${B}}', ''],
  ['TestEmptyValueWithSoftDefault', 'ok ${BAR:-def}', 'ok def'],
  ['TestValueWithSoftDefault', 'ok ${FOO:-def}', 'ok first'],
  ['TestEmptyValueWithHardDefault', 'ok ${BAR-def}', 'ok '],
  ['TestPresentValueWithUnset', 'ok ${UNSET_VAR:+presence_value}', 'ok '],
  ['TestPresentValueWithUnset2', 'ok ${UNSET_VAR+presence_value}', 'ok '],
  ['TestPresentValueWithNonEmpty', 'ok ${FOO:+presence_value}', 'ok presence_value'],
  ['TestPresentValueAndNonEmptyWithNonEmpty', 'ok ${FOO+presence_value}', 'ok presence_value'],
  ['TestPresentValueWithSet', 'ok ${BAR+presence_value}', 'ok presence_value'],
  ['TestPresentValueAndNotEmptyWithSet', 'ok ${BAR:+presence_value}', 'ok '],
  ['TestNonAlphanumericDefault', 'ok ${BAR:-/non:-alphanumeric}', 'ok /non:-alphanumeric'],
  ['TestInterpolationExternalInterference', '-ok ${BAR:-defaultValue}', '-ok defaultValue'],
  ['TestInterpolationExternalInterference', '+ok ${UNSET:-${BAR-defaultValue}}', '+ok '],
  ['TestInterpolationExternalInterference', '-ok ${FOO:-defaultValue}', '-ok first'],
  ['TestInterpolationExternalInterference', ':-ok ${UNSET-defaultValue}', ':-ok defaultValue'],
  ['TestInterpolationExternalInterference', ':-ok ${BAR-defaultValue}', ':-ok '],
  ['TestInterpolationExternalInterference', ':?ok ${BAR-defaultValue}', ':?ok '],
  ['TestInterpolationExternalInterference', ':?ok ${BAR:-defaultValue}', ':?ok defaultValue'],
  ['TestInterpolationExternalInterference', ':+ok ${BAR:-defaultValue}', ':+ok defaultValue'],
  ['TestInterpolationExternalInterference', '+ok ${BAR-defaultValue}', '+ok '],
  ['TestInterpolationExternalInterference', '?ok ${BAR:-defaultValue}', '?ok defaultValue'],
  ['TestDefaultsWithNestedExpansion', 'ok ${UNSET_VAR-$FOO}', 'ok first'],
  ['TestDefaultsWithNestedExpansion', 'ok ${UNSET_VAR-${FOO}}', 'ok first'],
  ['TestDefaultsWithNestedExpansion', 'ok ${UNSET_VAR-${FOO} ${FOO}}', 'ok first first'],
  ['TestDefaultsWithNestedExpansion', 'ok ${BAR:-$FOO}', 'ok first'],
  ['TestDefaultsWithNestedExpansion', 'ok ${BAR:-${FOO}}', 'ok first'],
  ['TestDefaultsWithNestedExpansion', 'ok ${BAR:-${FOO} ${FOO}}', 'ok first first'],
  ['TestDefaultsWithNestedExpansion', 'ok ${BAR+$FOO}', 'ok first'],
  ['TestDefaultsWithNestedExpansion', 'ok ${BAR+$FOO ${FOO:+second}}', 'ok first second'],
  ['TestDefaultsForMandatoryVariables', 'ok ${FOO:?err}', 'ok first'],
  ['TestDefaultsForMandatoryVariables', 'ok ${FOO?err}', 'ok first'],
  ['TestDefaultsForMandatoryVariables', 'ok ${BAR?err}', 'ok '],
  ['TestSubstituteWithReplacementFunc', 'ok ${SUBDOMAIN:-redis}.${FOO:?}', 'ok redis.first'],
  ['TestPrecedence', '${UNSET_VAR-myerror?msg}', 'myerror?msg'],
  ['TestPrecedence', '${FOO?bar-baz}', 'first'],
  ['TestPrecedence', '${BAR:-default_value_for_empty_var}', 'default_value_for_empty_var'],
  ['TestPrecedence', '${UNSET_VAR-default_value_for_unset_var}', 'default_value_for_unset_var'],
  ['TestNoValueWithCurlyBracesDefault', 'ok ${missing:-{"json":1}}', 'ok {"json":1}'],
  ['TestNoValueWithCurlyBracesDefault', 'ok ${missing-{"json":1}}', 'ok {"json":1}'],
  ['TestValueWithCurlyBracesDefault', 'ok ${JSON:-{"json":1}}', 'ok {"json":2}'],
  ['TestValueWithCurlyBracesDefault', 'ok ${JSON-{"json":1}}', 'ok {"json":2}'],
];

for (const [group, template, expected] of valueCases) {
  test(`${group}: ${template}`, () => substitutes(template, expected));
}

test('TestLazyRequiredMessageDoesNotWarn: ${A?${B}} with A set gives its value', () => {
  substitutes('${A?${B}}', 'value', (name) => (name === 'A' ? 'value' : undefined));
});

// Upstream asserts the absence of a warning; ours never warns, so assert what was looked up instead.
test('TestLazyDefault*: an argument is evaluated only when used', () => {
  const asked: string[] = [];
  const recording: Lookup = (name) => (asked.push(name), defaultMapping(name));
  interpolate('${A:+${A},}B', recording);
  assert.deepEqual(asked, ['A']);
  asked.length = 0;
  interpolate('${A:-${B}}', recording);
  assert.deepEqual(asked, ['A', 'B']);
});

const invalidTemplates: [template: string, reason: string][] = [
  ['${', '"${" is not closed'],
  ['${}', '"${}" has no variable name'],
  ['${ }', 'a variable name must start with a letter or "_", not " "'],
  ['${ foo}', 'a variable name must start with a letter or "_", not " "'],
  ['${foo }', 'unexpected " " after "${foo": expected "}" or a modifier (:- - :? ? :+ +)'],
  ['${foo!}', 'unexpected "!" after "${foo": expected "}" or a modifier (:- - :? ? :+ +)'],
];

for (const [template, reason] of invalidTemplates) {
  test(`TestInvalid: ${template}`, () => {
    failsWith(template, `invalid interpolation format: ${reason}. You may need to escape any $ with another $.`);
  });
}

const requiredCases: [group: string, template: string, message: string, variable: string][] = [
  ['TestMandatoryVariableErrors', 'not ok ${UNSET_VAR:?Mandatory Variable Unset}', 'required variable UNSET_VAR is missing a value: Mandatory Variable Unset', 'UNSET_VAR'],
  ['TestMandatoryVariableErrors', 'not ok ${BAR:?Mandatory Variable Empty}', 'required variable BAR is missing a value: Mandatory Variable Empty', 'BAR'],
  ['TestMandatoryVariableErrors', 'not ok ${UNSET_VAR:?}', 'required variable UNSET_VAR is missing a value', 'UNSET_VAR'],
  ['TestMandatoryVariableErrors', 'not ok ${UNSET_VAR?Mandatory Variable Unset}', 'required variable UNSET_VAR is missing a value: Mandatory Variable Unset', 'UNSET_VAR'],
  ['TestMandatoryVariableErrors', 'not ok ${UNSET_VAR?}', 'required variable UNSET_VAR is missing a value', 'UNSET_VAR'],
  ['TestMandatoryVariableErrorsWithNestedExpansion', 'not ok ${UNSET_VAR:?Mandatory Variable ${FOO}}', 'required variable UNSET_VAR is missing a value: Mandatory Variable first', 'UNSET_VAR'],
  ['TestMandatoryVariableErrorsWithNestedExpansion', 'not ok ${UNSET_VAR?Mandatory Variable ${FOO}}', 'required variable UNSET_VAR is missing a value: Mandatory Variable first', 'UNSET_VAR'],
  ['TestPrecedence', '${UNSET_VAR?bar-baz}', 'required variable UNSET_VAR is missing a value: bar-baz', 'UNSET_VAR'],
];

for (const [group, template, message, variable] of requiredCases) {
  test(`${group}: ${template}`, () => failsWith(template, message, variable));
}

// TestSubstitutionFunctionChoice tests getSubstitutionFunctionForTemplate on the braced body alone.
const modifierChoice: [body: string, modifier: string][] = [
  ['VARNAME:?val?ue', ':?'],
  ['VARNAME?val:?ue', '?'],
  ['VARNAME?va-lu+e:?e', '?'],
  ['VARNAME?va+lu-e:?e', '?'],
  ['VARNAME:-value', ':-'],
  ['VARNAME-va:-lu:?e', '-'],
  ['VARNAME-va+lu?e', '-'],
  ['VARNAME-va?lu+e', '-'],
  ['VARNAME:+va:?lu:-e', ':+'],
  ['VARNAME+va:+lue', '+'],
  ['VARNAME+va?lu-e', '+'],
  ['VARNAME+va-lu?e', '+'],
];

for (const [body, modifier] of modifierChoice) {
  test(`TestSubstitutionFunctionChoice: ${body} uses ${modifier}`, () => {
    const [ref] = scanTemplate(`\${${body}}`).references;
    assert.equal(ref.modifier, modifier);
    assert.equal(ref.argument, body.slice('VARNAME'.length + modifier.length));
  });
}

// variables_test.go TestExtractVariables, the single-string cases: name, modifier and argument.
const extracted: [template: string, refs: [name: string, modifier?: string, argument?: string][]][] = [
  ['bar', []],
  ['$bar', [['bar']]],
  ['$bar_1', [['bar_1']]],
  ['${bar}', [['bar']]],
  ['${bar?:foo}', [['bar', '?', ':foo']]],
  ['${bar_1?:foo}', [['bar_1', '?', ':foo']]],
  ['${bar?foo}', [['bar', '?', 'foo']]],
  ['${bar:-foo}', [['bar', ':-', 'foo']]],
  ['${bar-foo}', [['bar', '-', 'foo']]],
  ['${bar_1:-foo}', [['bar_1', ':-', 'foo']]],
  ['${bar_1-foo}', [['bar_1', '-', 'foo']]],
  ['$docker:${project:-cli}', [['docker'], ['project', ':-', 'cli']]],
  ['${bar:+foo}', [['bar', ':+', 'foo']]],
  ['${bar+foo}', [['bar', '+', 'foo']]],
  ['${SUBDOMAIN:-redis}.${ROOTDOMAIN:?}', [['SUBDOMAIN', ':-', 'redis'], ['ROOTDOMAIN', ':?', '']]],
  ['${SUBDOMAIN:-$ROOTDOMAIN}', [['SUBDOMAIN', ':-', '$ROOTDOMAIN']]],
];

for (const [template, refs] of extracted) {
  test(`TestExtractVariables: ${template}`, () => {
    const scanned = scanTemplate(template);
    assert.deepEqual(scanned.errors, []);
    assert.deepEqual(
      scanned.references.map((r) => [r.name, r.modifier, r.argument]),
      refs.map(([name, modifier, argument]) => [name, modifier, argument]),
    );
  });
}
