// One pass over a lezer tree of a query, keeping only positions and node names: the syntax problems
// (error nodes, string literals the real lexer rejects) and the nodes a language reads (matchers,
// line filters) with their descendants. No node objects, nothing that keeps the tree alive.
// The lezer parsers ship ESM typings: take @lezer/common's types from the same (import) resolution.
import type { Tree } from '@lezer/common' with { 'resolution-mode': 'import' };
import type { QueryLanguage, QuerySyntaxError } from './queryParse';
import { decodeQueryString } from './queryString';

export interface NodePart {
  name: string;
  from: number;
  to: number;
  /** 1 for a child of the group's node (as lezer's getChild sees it: anonymous nodes looked through). */
  depth: number;
}

/** A node a language reads, with its named descendants in document order. */
export interface NodeGroup {
  name: string;
  from: number;
  to: number;
  /** The name of its parent node. */
  parent: string | undefined;
  parts: NodePart[];
}

export interface TreeFindings {
  /** Every syntax problem, in document order; which to report depends on the query's variables. */
  errors: QuerySyntaxError[];
  groups: NodeGroup[];
}

export function readTree(tree: Tree, text: string, language: QueryLanguage, stringNode: string, groupNames: ReadonlySet<string>): TreeFindings {
  const errors: QuerySyntaxError[] = [];
  const groups: NodeGroup[] = [];
  /** Names of the entered nodes, outermost first. */
  const path: string[] = [];
  const open: NodeGroup[] = [];
  const openDepths: number[] = [];
  tree.iterate({
    enter: (ref) => {
      const { name, from, to } = ref;
      if (ref.type.isError) errors.push(describeErrorNode(text, from, to));
      else if (name === stringNode) {
        const error = decodeQueryString(text.slice(from, to), language).error;
        if (error) errors.push({ span: { start: from + error.span.start, end: from + error.span.end }, message: error.message });
      }
      for (let k = 0; k < open.length; k++) open[k].parts.push({ name, from, to, depth: path.length - openDepths[k] });
      if (groupNames.has(name)) {
        const group: NodeGroup = { name, from, to, parent: path[path.length - 1], parts: [] };
        groups.push(group);
        open.push(group);
        openDepths.push(path.length);
      }
      path.push(name);
    },
    leave: () => {
      path.pop();
      if (openDepths.length > 0 && openDepths[openDepths.length - 1] === path.length) {
        open.pop();
        openDepths.pop();
      }
    },
  });
  return { errors, groups };
}

/** The first child of the group's node named `name`. */
export function child(group: NodeGroup, name: string): NodePart | undefined {
  return group.parts.find((p) => p.depth === 1 && p.name === name);
}

/** The children of the group's node named `name`. */
export function children(group: NodeGroup, name: string): NodePart[] {
  return group.parts.filter((p) => p.depth === 1 && p.name === name);
}

/** The first child named `name` of the first child named `parent` (`QuotedLabelName`'s string). */
export function grandchild(group: NodeGroup, parent: string, name: string): NodePart | undefined {
  const at = group.parts.findIndex((p) => p.depth === 1 && p.name === parent);
  for (let k = at + 1; at >= 0 && k < group.parts.length && group.parts[k].depth > 1; k++) {
    if (group.parts[k].depth === 2 && group.parts[k].name === name) return group.parts[k];
  }
  return undefined;
}

/** The children named `name` of each child named `parent`, in order (`OrFilter`'s strings). */
export function grandchildren(group: NodeGroup, parent: string, name: string): NodePart[] {
  const out: NodePart[] = [];
  let inParent = false;
  const parts = group.parts;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (p.depth === 1) inParent = p.name === parent;
    else if (inParent && p.depth === 2 && p.name === name) out.push(p);
  }
  return out;
}

/** The child after `part` (lezer's nextSibling). */
export function nextChild(group: NodeGroup, part: NodePart): NodePart | undefined {
  const at = group.parts.indexOf(part);
  for (let k = at + 1; k < group.parts.length; k++) if (group.parts[k].depth === 1) return group.parts[k];
  return undefined;
}

const TOKEN = /^(?:[A-Za-z_:][\w:]*|\d[\w.]*|=~|!~|!=|\|=|\|~|\|>|!>|==|>=|<=|"[^"]*"?|'[^']*'?|`[^`]*`?|\S)/;

/** An empty error node (something missing) is reported on the token that follows it. */
function describeErrorNode(text: string, from: number, to: number): QuerySyntaxError {
  if (from === to && text.slice(from).trim() === '') {
    const unclosed = unclosedBracket(text);
    return { span: { start: from, end: to }, message: unclosed ? `expected \`${CLOSERS[unclosed]}\`` : 'unexpected end of expression' };
  }
  const start = from === to ? from + (text.slice(from).length - text.slice(from).trimStart().length) : from;
  // lezer-logql has no token for a string without its closing quote: it errors on the quote.
  const quote = text[start];
  if ((quote === '"' || quote === "'" || quote === '`') && !text.includes(quote, start + 1)) {
    return { span: { start, end: text.length }, message: 'unterminated quoted string' };
  }
  const token = from < to ? text.slice(from, to) : (TOKEN.exec(text.slice(start))?.[0] ?? '');
  const shown = token.length > 30 ? `${token.slice(0, 30)}…` : token;
  const message = token.length === 1 && !/\w/.test(token) ? `unexpected character \`${shown}\`` : `unexpected \`${shown}\``;
  return { span: { start, end: start + token.length }, message };
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** The innermost bracket still open at the end of the text, strings skipped. */
function unclosedBracket(text: string): string | undefined {
  const open: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c in CLOSERS) open.push(c);
    else if (c === ')' || c === ']' || c === '}') open.pop();
  }
  return open[open.length - 1];
}
