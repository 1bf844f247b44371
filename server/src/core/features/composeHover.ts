// Hover answers for compose and .env files: a variable's value and origin, a dependency's lifecycle.
import * as path from 'node:path';
import type { Span } from '../diagnostic';
import type { Analyzer } from '../analyzer';
import { scanTemplate, type VariableReference } from '../compose/interpolation';
import { interpolatedScalars, spanOf } from '../compose/composeFile';
import { hasHealthcheck, isRunOnce, longRunningReason } from '../compose/lifecycle';
import type { Stack } from '../compose/stack';
import { isComposeVariable, type Variable } from '../compose/stackVariables';
import { lineContextAt } from './keyPath';
import { displayValue } from './secrets';

export interface HoverResult {
  markdown: string;
  span: Span;
}

function origin(variable: Variable | undefined, stack: Stack): string {
  if (!variable) return 'unset';
  if (variable.source.kind === 'environment') return 'from the environment';
  if (variable.source.kind === 'compose') return 'set by compose';
  const rel = path.relative(stack.projectDirectory, variable.source.file) || variable.source.file;
  return `from ${rel}:${variable.source.line + 1}`;
}

function variableHover(stack: Stack, name: string): string {
  const variable = stack.variables.variables.get(name);
  if (!variable) {
    return isComposeVariable(name) ? `**${name}**: set by docker compose itself` : `**${name}**: unset (compose substitutes an empty string unless a default is given)`;
  }
  return `**${name}** = \`${displayValue(name, variable.value)}\` (${origin(variable, stack)})`;
}

function referenceAt(text: string, base: number, offset: number): VariableReference | undefined {
  const find = (refs: VariableReference[]): VariableReference | undefined => {
    for (const ref of refs) {
      if (offset < base + ref.span.start || offset > base + ref.span.end) continue;
      return find(ref.nested) ?? ref;
    }
    return undefined;
  };
  return find(scanTemplate(text).references);
}

function dependencyHover(stack: Stack, name: string): string {
  const service = stack.services.get(name);
  if (!service) return `**${name}**: no such service in this stack`;
  const restart = service.restart?.value ?? 'no (default)';
  const health = hasHealthcheck(service) ? 'yes' : service.healthcheck ? 'disabled' : 'none';
  const reason = longRunningReason(service);
  const lifecycle = isRunOnce(stack, service)
    ? 'run-once (init): await it with `service_completed_successfully`'
    : reason
      ? `long-running (${reason}): await it with ${hasHealthcheck(service) ? '`service_healthy`' : '`service_started`'}`
      : 'runs until stopped, as far as StackLens can tell';
  return [`**${name}**${service.image ? ` · \`${service.image.value}\`` : ''}`, `- restart: ${restart}`, `- healthcheck: ${health}`, `- lifecycle: ${lifecycle}`].join('\n');
}

export function composeHover(analyzer: Analyzer, file: string, offset: number): HoverResult | undefined {
  const stack = analyzer.stacksOf(file)[0];
  const composeFile = stack?.files.find((f) => f.path === file);
  if (!stack || !composeFile) return undefined;
  for (const scalar of interpolatedScalars(composeFile)) {
    const span = spanOf(scalar)!;
    if (offset < span.start || offset > span.end) continue;
    const ref = referenceAt(composeFile.text.slice(span.start, span.end), span.start, offset);
    if (ref) return { markdown: variableHover(stack, ref.name), span: { start: span.start + ref.span.start, end: span.start + ref.span.end } };
  }
  const context = lineContextAt(composeFile.text, offset);
  const inDependsOn = context.path[0] === 'services' && (context.path.at(-1) === 'depends_on' || context.currentKey === 'depends_on');
  const word = inDependsOn ? wordAt(composeFile.text, offset) : undefined;
  if (word && word.text !== 'depends_on' && stack.services.has(word.text)) return { markdown: dependencyHover(stack, word.text), span: word.span };
  return undefined;
}

function wordAt(text: string, offset: number): { text: string; span: Span } | undefined {
  let start = offset;
  let end = offset;
  while (start > 0 && /[\w.-]/.test(text[start - 1])) start--;
  while (end < text.length && /[\w.-]/.test(text[end])) end++;
  return start < end ? { text: text.slice(start, end), span: { start, end } } : undefined;
}
