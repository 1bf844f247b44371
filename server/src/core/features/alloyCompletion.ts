// Completion in Alloy files: component names where a statement starts at top level or in a declare,
// the arguments and blocks of the component being written, and where a value is expected the
// exports of the components the directory declares and the standard library.
import { blockFullName, type Block } from '../alloy/ast';
import {
  blockSchema, childBlockNames, componentNames, componentSchema, configBlockNames, configBlockSchema, type ArgumentSchema, type ComponentSchema,
} from '../alloy/registry/registry';
import { attributesOf } from '../alloy/traverse';
import { exportsOf, type ComponentNode, type Scope } from '../checks/alloy/model';
import type { FileSource } from '../workspace/fileSource';
import { cursorAt } from './alloyCursor';
import { alloyDirectory, allDocuments, nodeAt, type AlloyDirectory } from './alloyDocuments';
import { STDLIB } from './alloyStdlib';

export interface AlloyCompletionEntry {
  label: string;
  kind: 'component' | 'block' | 'attribute' | 'reference' | 'function' | 'constant';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert in snippet syntax (`$1`, `${1:default}`); the label when absent. */
  snippet?: string;
  /** Replaces the characters from the position back this many characters. */
  replaceLength: number;
  sortText?: string;
}

// Config blocks that take no label, and those only a declare body accepts.
const UNLABELLED = new Set(['logging', 'tracing', 'http', 'livedebugging', 'remotecfg']);
const DECLARE_ONLY = new Set(['argument', 'export']);

export function alloyCompletion(source: FileSource, file: string, text: string, offset: number): AlloyCompletionEntry[] {
  const { context, typed } = cursorAt(text, offset);
  if (context.kind === 'none') return [];
  const dir = alloyDirectory(source, file, text);
  const at = componentAt(context.blocks);
  const replaceLength = typed.length;
  if (context.kind === 'expression') return expressionItems(dir, offset, at, context.attribute, replaceLength);
  if (!at) return componentItems(dir, context.blocks, replaceLength);
  if (at.schema) return memberItems(at.schema, at.path, presentAttributes(dir, offset, context.blocks), replaceLength);
  const declare = declareOf(dir, at.name);
  return declare ? customArgumentItems(declare, presentAttributes(dir, offset, context.blocks), replaceLength) : [];
}

interface ComponentAt {
  name: string;
  schema?: ComponentSchema;
  /** Blocks from the component down to the cursor. */
  path: string[];
}

/** The component the open blocks are in; undefined where components themselves are written. */
function componentAt(blocks: string[]): ComponentAt | undefined {
  let at: ComponentAt | undefined;
  for (const name of blocks) {
    if (at) at.path.push(name);
    else at = { name, schema: componentSchema(name) ?? configBlockSchema(name), path: [] };
    const path = at.path;
    if (at.schema?.componentBodies?.some((p) => p.length === path.length && p.every((x, i) => x === path[i]))) at = undefined;
  }
  return at;
}

function componentItems(dir: AlloyDirectory, blocks: string[], replaceLength: number): AlloyCompletionEntry[] {
  const inDeclare = blocks[blocks.length - 1] === 'declare';
  const items: AlloyCompletionEntry[] = [];
  for (const name of componentNames()) items.push(componentItem(name, componentSchema(name)!, 'component', replaceLength));
  for (const name of configBlockNames()) {
    if (DECLARE_ONLY.has(name) && !inDeclare) continue;
    // Settings such as `logging` belong to the top level of the main configuration only.
    if (blocks.length > 0 && UNLABELLED.has(name)) continue;
    items.push(componentItem(name, configBlockSchema(name)!, 'block', replaceLength));
  }
  for (const doc of allDocuments(dir)) {
    for (const [name] of doc.model.root.declares) {
      items.push({ label: name, kind: 'component', detail: 'custom component (declare)', snippet: `${name} "\${1:default}" {\n\t$0\n}`, replaceLength });
    }
  }
  return items;
}

function componentItem(name: string, schema: ComponentSchema, kind: 'component' | 'block', replaceLength: number): AlloyCompletionEntry {
  const required = (schema.arguments ?? []).filter((a) => a.required);
  const lines = required.map((a, i) => `\t${a.name} = ${valueSnippet(a, i + 2)}`);
  const label = UNLABELLED.has(name) ? '' : ' "${1:default}"';
  return {
    label: name,
    kind,
    detail: schema.stability === 'generally-available' ? undefined : schema.stability.replace('-', ' '),
    documentation: schema.summary,
    snippet: `${name}${label} {\n${lines.length ? lines.join('\n') + '\n' : ''}\t$0\n}`,
    replaceLength,
  };
}

function valueSnippet(arg: ArgumentSchema, n: number): string {
  if (arg.type === 'string' || arg.type === 'duration') return `"$${n}"`;
  // Targets (`list(map(string))`) usually come whole from another component's export.
  if (arg.type.startsWith('list(') && !arg.type.startsWith('list(map(')) return `[$${n}]`;
  if (arg.type.startsWith('map(') || arg.type.startsWith('object')) return `{$${n}}`;
  return `$${n}`;
}

function memberItems(schema: ComponentSchema, path: string[], present: Set<string>, replaceLength: number): AlloyCompletionEntry[] {
  const args = (path.length === 0 ? schema.arguments : blockSchema(schema, path)?.arguments) ?? [];
  const items: AlloyCompletionEntry[] = args.filter((a) => !present.has(a.name)).map((a) => ({
    label: a.name,
    kind: 'attribute',
    detail: `${a.type}${a.required ? ', required' : ''}${a.default ? `, default ${a.default}` : ''}`,
    snippet: `${a.name} = ${valueSnippet(a, 1)}`,
    replaceLength,
    sortText: `${a.required ? 0 : 1}${a.name}`,
  }));
  // Blocks may repeat (`rule`, `endpoint`, `stage.*`), so those already present are offered again.
  for (const name of childBlockNames(schema, path)) {
    const required = blockSchema(schema, [...path, name])?.required;
    items.push({ label: name, kind: 'block', detail: required ? 'block, required' : 'block', snippet: `${name} {\n\t$0\n}`, replaceLength, sortText: `${required ? 0 : 2}${name}` });
  }
  return items;
}

function customArgumentItems(declare: Block, present: Set<string>, replaceLength: number): AlloyCompletionEntry[] {
  return declare.body.flatMap((s) => {
    if (s.kind !== 'block' || blockFullName(s) !== 'argument' || !s.label || present.has(s.label.name)) return [];
    const optional = attributesOf(s.body).some((a) => a.name.name === 'optional' && a.value.kind === 'literal' && a.value.raw === 'true');
    return [{ label: s.label.name, kind: 'attribute' as const, detail: optional ? 'argument, optional' : 'argument', snippet: `${s.label.name} = $1`, replaceLength }];
  });
}

function declareOf(dir: AlloyDirectory, name: string): Block | undefined {
  for (const doc of allDocuments(dir)) {
    for (const node of doc.model.nodes) if (node.name === 'declare' && node.block.label?.name === name) return node.block;
  }
  return undefined;
}

/** Attributes already written in the block at the cursor, before or after it. */
function presentAttributes(dir: AlloyDirectory, offset: number, blocks: string[]): Set<string> {
  let body = dir.current.parsed.file.body;
  let found = false;
  for (const name of blocks) {
    const block = body.find((s): s is Block => s.kind === 'block' && blockFullName(s) === name && s.span.start < offset && offset <= s.rcurly);
    if (!block) break;
    body = block.body;
    found = true;
  }
  return new Set(found || blocks.length === 0 ? attributesOf(body).map((a) => a.name.name) : []);
}

function expressionItems(dir: AlloyDirectory, offset: number, at: ComponentAt | undefined, attribute: string | undefined, replaceLength: number): AlloyCompletionEntry[] {
  const self = nodeAt(dir.current, offset);
  const wanted = at?.schema && attribute ? argumentType(at.schema, at.path, attribute) : undefined;
  const items: AlloyCompletionEntry[] = [];
  for (const node of visibleNodes(dir, self)) {
    const exported = exportsOf(node);
    if (!exported) {
      items.push({ label: node.id, kind: 'reference', detail: node.name, replaceLength, sortText: `1${node.id}` });
      continue;
    }
    for (const name of exported) {
      const type = node.schema?.exports?.find((e) => e.name === name)?.type;
      const fits = !!type && !!wanted && (wanted === type || wanted === `list(${type})`);
      items.push({ label: `${node.id}.${name}`, kind: 'reference', detail: type, documentation: node.schema?.summary, replaceLength, sortText: `${fits ? 0 : 1}${node.id}.${name}` });
    }
  }
  for (const local of self ? localsOf(self.scope) : []) items.push({ label: local, kind: 'reference', detail: 'local', replaceLength, sortText: `1${local}` });
  for (const e of STDLIB) {
    items.push({ label: e.name, kind: e.isFunction ? 'function' : 'constant', detail: e.signature, documentation: e.description, snippet: e.isFunction ? `${e.name}($1)` : undefined, replaceLength, sortText: `2${e.name}` });
  }
  return items;
}

function argumentType(schema: ComponentSchema, path: string[], attribute: string): string | undefined {
  const args = path.length === 0 ? schema.arguments : blockSchema(schema, path)?.arguments;
  return args?.find((a) => a.name === attribute)?.type;
}

/** Components a reference from `self` can name: its scopes outward, then the other files' top level. */
function visibleNodes(dir: AlloyDirectory, self: ComponentNode | undefined): ComponentNode[] {
  const nodes: ComponentNode[] = [];
  for (let s: Scope | undefined = self?.scope ?? dir.current.model.root; s; s = s.parent) nodes.push(...s.nodes);
  for (const doc of dir.siblings()) nodes.push(...doc.model.root.nodes);
  return nodes.filter((n) => n !== self && n.name !== 'declare' && !n.name.startsWith('import.'));
}

function localsOf(scope: Scope): string[] {
  const names: string[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) names.push(...[...s.locals].filter((l) => l !== 'argument'));
  return names;
}
