// Hover in Alloy files: a component's summary, arguments and exports; what a reference points at;
// an argument's or block's schema; a standard library function.
import * as path from 'node:path';
import { blockFullName, blockNameSpan, type Block } from '../alloy/ast';
import { blockSchema, childBlockNames, type ArgumentSchema } from '../alloy/registry/registry';
import { traversalSpan, traversalText, type Traversal } from '../alloy/traverse';
import type { ComponentNode } from '../checks/alloy/model';
import type { Span } from '../diagnostic';
import type { FileSource } from '../workspace/fileSource';
import { alloyDirectory, documentOf, headerAt, nodeAt, referenceAt, resolveReference, type AlloyDirectory, type AlloyDocument } from './alloyDocuments';
import { stdlibEntry } from './alloyStdlib';
import type { HoverResult } from './composeHover';

export function alloyHover(source: FileSource, file: string, text: string, offset: number): HoverResult | undefined {
  const dir = alloyDirectory(source, file, text);
  const doc = dir.current;
  const ref = referenceAt(doc, offset);
  if (ref) return referenceHover(dir, doc, ref.traversal, resolveReference(dir, doc, ref));
  const header = headerAt(doc, offset);
  if (header) return { markdown: nodeMarkdown(header), span: blockNameSpan(header.block) };
  const node = nodeAt(doc, offset);
  return node ? memberHover(node, offset) : undefined;
}

function referenceHover(dir: AlloyDirectory, doc: AlloyDocument, t: Traversal, resolution: ReturnType<typeof resolveReference>): HoverResult | undefined {
  if (resolution.kind === 'builtin') return stdlibHover(t);
  if (resolution.kind !== 'node') return undefined;
  const { node, length } = resolution;
  const field = t[length];
  const exported = field && node.schema?.exports?.find((e) => e.name === field.name);
  const home = documentOf(dir, node);
  const where = home && home !== doc ? ` in ${path.basename(home.file)}` : '';
  const lines = [`**${node.id}**: ${describeKind(node)}${where}`];
  if (field) lines.push('', exported ? `Export \`${field.name}\`: \`${exported.type}\`` : `Export \`${field.name}\``);
  if (node.schema?.summary) lines.push('', node.schema.summary);
  return { markdown: lines.join('\n'), span: traversalSpan(t.slice(0, field ? length + 1 : length)) };
}

function describeKind(node: ComponentNode): string {
  const label = node.block.label ? `, label "${node.block.label.name}"` : '';
  switch (node.kind) {
    case 'component': return `component \`${node.name}\`${label}`;
    case 'custom': return `custom component \`${node.name}\` (declare)${label}`;
    case 'imported': return `component \`${node.name}\` from an imported module${label}`;
    default: return `\`${node.name}\` block${label}`;
  }
}

function stdlibHover(t: Traversal): HoverResult | undefined {
  for (const length of [2, 1]) {
    const entry = length <= t.length ? stdlibEntry(traversalText(t.slice(0, length))) : undefined;
    if (!entry) continue;
    const lines = ['```alloy', entry.signature, '```', entry.description];
    if (entry.replacedBy) lines.push('', `Deprecated: use \`${entry.replacedBy}\`.`);
    return { markdown: lines.join('\n'), span: traversalSpan(t.slice(0, length)) };
  }
  return undefined;
}

/** Summary, arguments, blocks and exports of a component or config block. */
export function nodeMarkdown(node: ComponentNode): string {
  const schema = node.schema;
  const label = node.block.label ? ` "${node.block.label.name}"` : '';
  const head = `**${node.name}**${label}`;
  if (!schema) return node.kind === 'custom' ? `${head}: custom component (declare)` + exportList(node.customExports ?? []) : `${head}: not in the Alloy reference`;
  const lines = [`${head} · ${schema.stability.replace('-', ' ')}`, '', schema.summary];
  if (schema.arguments?.length) lines.push('', argumentTable(schema.arguments));
  const blocks = childBlockNames(schema, []);
  if (blocks.length) lines.push('', `Blocks: ${blocks.map((b) => `\`${b}\``).join(', ')}`);
  if (schema.exports?.length) lines.push('', 'Exports:', ...schema.exports.map((e) => `- \`${e.name}\`: \`${e.type}\``));
  return lines.join('\n');
}

function exportList(names: string[]): string {
  return names.length ? `\n\nExports: ${names.map((n) => `\`${n}\``).join(', ')}` : '';
}

function argumentTable(args: ArgumentSchema[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return ['| Argument | Type | Default | Required |', '|---|---|---|---|',
    ...args.map((a) => `| \`${a.name}\` | \`${cell(a.type)}\` | ${a.default ? `\`${cell(a.default)}\`` : ''} | ${a.required ? 'yes' : 'no'} |`),
  ].join('\n');
}

/** An argument or nested block of a component, from the registry. */
function memberHover(node: ComponentNode, offset: number): HoverResult | undefined {
  const schema = node.schema;
  if (!schema) return undefined;
  const path: string[] = [];
  let block: Block = node.block;
  for (;;) {
    const attr = block.body.find((s) => s.kind === 'attribute' && s.name.span.start <= offset && offset <= s.name.span.end);
    if (attr?.kind === 'attribute') {
      const args = path.length === 0 ? schema.arguments : blockSchema(schema, path)?.arguments;
      const arg = args?.find((a) => a.name === attr.name.name);
      return arg ? { markdown: argumentMarkdown(node.name, path, arg), span: attr.name.span } : undefined;
    }
    const child = block.body.find((s): s is Block => s.kind === 'block' && s.span.start <= offset && offset <= s.rcurly);
    if (!child) return undefined;
    path.push(blockFullName(child));
    const nameSpan = blockNameSpan(child);
    if (offset <= nameSpan.end) return blockHover(node.name, path, nameSpan, blockSchema(schema, path)?.arguments);
    block = child;
  }
}

function argumentMarkdown(component: string, path: string[], arg: ArgumentSchema): string {
  const lines = [`**${arg.name}**: \`${arg.type}\`, ${arg.required ? 'required' : 'optional'}`, '', `Argument of \`${[component, ...path].join(' > ')}\``];
  if (arg.default) lines.push('', `Default: \`${arg.default}\``);
  return lines.join('\n');
}

function blockHover(component: string, path: string[], span: Span, args: ArgumentSchema[] | null | undefined): HoverResult {
  const lines = [`**${path[path.length - 1]}** block of \`${[component, ...path.slice(0, -1)].join(' > ')}\``];
  if (args?.length) lines.push('', argumentTable(args));
  return { markdown: lines.join('\n'), span };
}
