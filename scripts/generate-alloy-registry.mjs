#!/usr/bin/env node
// Generates server/src/core/alloy/registry/components.json from a grafana/alloy checkout: the
// reference docs give components, arguments, blocks and exports; the Go registrations give stability.
//
//   npm run generate:alloy-registry -- <path to a grafana/alloy work tree or git directory>
//
// Doc quirks handled here: shared includes (`{{< docs/shared lookup=... version="<ALLOY_VERSION>" >}}`,
// whose version contains `>`), block tables headed `Block` or `Name`, nesting written ` > `, block
// names written `[name][]`, `` [name`][ref] `` or bare, block sections found through the table's link
// references, nested block tables inside a block's own section (`stage.metrics` > `metric.counter`,
// whose arguments live under `####` headings and are not the parent's), and a few exports the docs
// omit (OVERRIDES).
//
// The Go code is the ground truth the docs describe: a component's package and the alloy packages it
// imports give every `alloy:"name,attr|block[,optional]"` tag. Documented requirements the Go tags
// contradict (optional in Go, or no such tag at all) are dropped, and names Go accepts that the
// docs never place are listed as `undocumented`, where the checks stay silent rather than guess.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../server/src/core/alloy/registry/components.json');

// What the docs get wrong or leave out, checked against the Go registrations (Exports structs).
const OVERRIDES = {
  // Exports: Exports{Targets} in code, no exports section in the docs.
  'database_observability.mysql': { exports: [{ name: 'targets', type: 'list(map(string))' }] },
  'database_observability.sql_server': { exports: [{ name: 'targets', type: 'list(map(string))' }] },
  // Register otelcol.ConsumerExports{} (an `input`), which their docs do not list.
  'otelcol.exporter.file': { exports: [{ name: 'input', type: 'otelcol.Consumer' }] },
  'otelcol.receiver.googlecloudpubsub': { exports: [{ name: 'input', type: 'otelcol.Consumer' }] },
  // `stage.match` nests any stage the top level of loki.process accepts.
  'loki.process': { recursiveBlocks: ['stage.match'] },
};

// Components documented but not registered in code.
const REMOVED = new Set(['otelcol.receiver.opencensus']);

// syntax/internal/stdlib/stdlib.go: top-level identifiers and namespaces.
const STDLIB = {
  namespaces: {
    sys: ['env'],
    convert: ['nonsensitive'],
    array: ['concat', 'combine_maps', 'group_by'],
    encoding: ['from_json', 'from_yaml', 'from_base64', 'from_URLbase64', 'to_json', 'to_base64', 'to_URLbase64', 'url_encode', 'url_decode'],
    string: ['format', 'join', 'replace', 'split', 'to_lower', 'to_upper', 'trim', 'trim_prefix', 'trim_suffix', 'trim_space'],
    file: ['path_join'],
    constants: ['hostname', 'os', 'arch', 'version'],
  },
  functions: ['coalesce', 'json_path'],
  // internal/validator/validate.go and nodeconf/importsource: the directory of the current module.
  keywords: ['module_path'],
  deprecated: ['env', 'nonsensitive', 'concat', 'json_decode', 'yaml_decode', 'base64_decode', 'format', 'join', 'replace', 'split', 'to_lower', 'to_upper', 'trim', 'trim_prefix', 'trim_suffix', 'trim_space'],
};

// Blocks whose body holds components rather than arguments.
const COMPONENT_BODIES = { declare: [[]], foreach: [['template']] };

function main() {
  const input = process.argv[2];
  if (!input) {
    console.error('usage: generate-alloy-registry.mjs <grafana/alloy work tree or git dir>');
    process.exit(2);
  }
  const { root, commit } = checkout(path.resolve(input));
  const docs = path.join(root, 'docs/sources');
  const stability = registeredStability(path.join(root, 'internal/component'));
  const components = {};
  for (const file of listMarkdown(path.join(docs, 'reference/components'))) {
    const name = path.basename(file, '.md');
    if (name === '_index' || REMOVED.has(name)) continue;
    const page = parsePage(expandIncludes(fs.readFileSync(file, 'utf8'), docs));
    const reg = stability.get(name);
    const tags = reg ? goTags(root, reg.dir) : undefined;
    if (tags) correctRequired(name, page, tags);
    components[name] = {
      stability: reg?.stability ?? page.stage ?? 'generally-available',
      ...(reg?.community ? { community: true } : {}),
      summary: page.summary,
      arguments: page.arguments,
      blocks: page.blocks,
      exports: page.exports,
      ...undocumented(page, tags),
      ...OVERRIDES[name],
    };
  }
  const configBlocks = {};
  for (const file of listMarkdown(path.join(docs, 'reference/config-blocks'))) {
    const name = path.basename(file, '.md');
    if (name === '_index') continue;
    const page = parsePage(expandIncludes(fs.readFileSync(file, 'utf8'), docs));
    // `http`, `remotecfg`, `tracing`...: a service package of the same name holds their Go types.
    const serviceDir = path.join(root, 'internal/service', name);
    const tags = fs.existsSync(serviceDir) ? goTags(root, serviceDir) : undefined;
    if (tags) correctRequired(name, page, tags);
    configBlocks[name] = {
      stability: page.stage ?? 'generally-available',
      summary: page.summary,
      arguments: page.arguments,
      blocks: page.blocks,
      ...undocumented(page, tags),
      ...(COMPONENT_BODIES[name] ? { componentBodies: COMPONENT_BODIES[name] } : {}),
    };
  }
  const registry = {
    source: { repository: 'grafana/alloy', commit, version: changelogVersion(root) },
    generatedBy: 'scripts/generate-alloy-registry.mjs',
    components: sortKeys(components),
    configBlocks: sortKeys(configBlocks),
    stdlib: STDLIB,
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, render(registry));
  for (const c of corrections) console.log(`corrected: ${c}`);
  console.log(`${Object.keys(components).length} components, ${Object.keys(configBlocks).length} config blocks -> ${path.relative(process.cwd(), OUT)}`);
}

/** A directory with the files; a bare git directory is exported to a temporary one first. */
function checkout(dir) {
  const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 30 });
  const gitDir = fs.existsSync(path.join(dir, '.git')) ? path.join(dir, '.git') : dir;
  let commit = 'unknown';
  try {
    commit = git('rev-parse', 'HEAD').toString().trim();
  } catch {
    // a plain directory: no commit to record
  }
  if (fs.existsSync(path.join(dir, 'docs/sources'))) return { root: dir, commit };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'alloy-'));
  const tar = git('archive', 'HEAD', 'docs/sources', 'internal', 'syntax', 'CHANGELOG.md');
  execFileSync('tar', ['-x', '-C', tmp], { input: tar, maxBuffer: 1 << 30 });
  return { root: tmp, commit };
}

function changelogVersion(root) {
  const text = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
  return /^## \[?v?(\d+\.\d+\.\d+)/m.exec(text)?.[1] ?? 'unknown';
}

function listMarkdown(dir) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

/** Name to stability from every `component.Register(component.Registration{...})` in Go. */
function registeredStability(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.go') && !e.name.endsWith('_test.go')) {
        const text = fs.readFileSync(p, 'utf8');
        for (const m of text.matchAll(/component\.Register\(component\.Registration\{([\s\S]*?)\n\t\}\)/g)) {
          const name = /Name:\s*"([^"]+)"/.exec(m[1])?.[1];
          if (!name) continue;
          const level = /Stability:\s*featuregate\.Stability(\w+)/.exec(m[1])?.[1];
          const community = /Community:\s*true/.test(m[1]);
          const stability = community ? 'community' : { GenerallyAvailable: 'generally-available', PublicPreview: 'public-preview', Experimental: 'experimental' }[level] ?? 'generally-available';
          out.set(name, { stability, community, dir: path.dirname(p) });
        }
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

/**
 * Every `alloy:"name,attr|block[,optional]"` tag in a component's package (with its subpackages) and
 * in the alloy packages those import directly: name -> { kinds, optional }. Shared types (otelcol's
 * filter and TLS configs, common/net's server config...) live in those imports; going further
 * (transitively) reaches half the repository and would make every name look valid.
 */
function goTags(root, dir) {
  const tags = new Map();
  const seen = new Set();
  const queue = [[dir, 0]];
  while (queue.length) {
    const [d, depth] = queue.pop();
    if (seen.has(d) || !fs.existsSync(d)) continue;
    seen.add(d);
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      // Subpackages of the component's own directory (datadog/config, beyla/ebpf/internal/config).
      if (e.isDirectory()) {
        if (depth === 0) queue.push([p, 0]);
        continue;
      }
      if (!e.name.endsWith('.go') || e.name.endsWith('_test.go')) continue;
      const text = fs.readFileSync(p, 'utf8');
      if (depth === 0) for (const m of text.matchAll(/"github\.com\/grafana\/alloy\/((?:internal|syntax)\/[^"]+)"/g)) queue.push([path.join(root, m[1]), 1]);
      for (const m of text.matchAll(/^\s*\w+\s+([\w.*\[\]]+)\s+`alloy:"(\w+),(attr|block)(,optional)?"/gm)) {
        const t = tags.get(m[2]) ?? { kinds: new Set(), optional: false, goTypes: new Set() };
        t.kinds.add(m[3]);
        if (m[3] === 'attr') t.goTypes.add(scalarOf(m[1]));
        t.optional ||= Boolean(m[4]); // optional anywhere: lean to optional
        tags.set(m[2], t);
      }
    }
  }
  return tags;
}

/**
 * The docs call some optional arguments and blocks required (loki.source.docker `labels`, beyla.ebpf
 * `output`, the `azuread` alternatives), and some required ones do not exist (otelcol.receiver.solace
 * documents `authentication`; Go reads `auth`): the Go tags win, and without one we stay silent.
 */
function correctRequired(name, page, tags) {
  const lists = [page.arguments ?? [], ...page.blocks.map((b) => b.arguments ?? [])];
  for (const arg of lists.flat()) {
    // A scalar type every Go field of that name contradicts (googlecloudpubsub
    // `remove_resource_attribute` is `string` in the docs, `bool` in Go): Go's type wins.
    const goTypes = tags.get(arg.name)?.goTypes;
    const docScalar = scalarOf(arg.type);
    if (goTypes?.size === 1 && docScalar && !goTypes.has(undefined) && !goTypes.has(docScalar)) {
      corrections.push(`${name}: ${arg.name} is ${[...goTypes][0]} in Go, not ${arg.type}`);
      arg.type = [...goTypes][0];
    }
    if (!arg.required) continue;
    const tag = tags.get(arg.name);
    if (!tag || tag.optional) {
      arg.required = false;
      corrections.push(`${name}: ${arg.name} is ${tag ? 'optional' : 'not an attribute'} in Go`);
    }
  }
  for (const block of page.blocks) {
    if (!block.required) continue;
    const tag = tags.get(block.path[block.path.length - 1]);
    if (!tag || tag.optional || !tag.kinds.has('block')) {
      block.required = false;
      corrections.push(`${name}: block ${block.path.join(' > ')} is ${tag ? 'optional' : 'not a block'} in Go`);
    }
  }
}

/** `bool`, `string` or `number` for a scalar Go or docs type; undefined for anything else. */
function scalarOf(type) {
  if (/^\*?bool$/.test(type)) return 'bool';
  if (/^\*?(string|alloytypes\.Secret|secret)$/.test(type)) return 'string';
  if (/^\*?(u?int(8|16|32|64)?|float(32|64)?|int|number)$/.test(type)) return 'number';
  return undefined;
}

/** Names Go accepts somewhere in the component that the docs place nowhere. */
function undocumented(page, tags) {
  if (!tags) return {};
  const attrs = new Set([...(page.arguments ?? []), ...page.blocks.flatMap((b) => b.arguments ?? [])].map((a) => a.name));
  const blocks = new Set(page.blocks.flatMap((b) => b.path));
  const out = { attributes: [], blocks: [] };
  for (const [name, t] of [...tags].sort(([a], [b]) => a.localeCompare(b))) {
    if (t.kinds.has('attr') && !attrs.has(name)) out.attributes.push(name);
    if (t.kinds.has('block') && !blocks.has(name)) out.blocks.push(name);
  }
  return out.attributes.length || out.blocks.length ? { undocumented: out } : {};
}
const corrections = [];

// `[^>]*` would stop inside version="<ALLOY_VERSION>", so match lazily up to `>}}`.
const INCLUDE = /\{\{<\s*docs\/shared\s+lookup="([^"]+)"[\s\S]*?>\}\}/g;

function expandIncludes(text, docs, depth = 0) {
  return stripFrontMatter(text).replace(INCLUDE, (_m, lookup) => {
    const file = path.join(docs, 'shared', lookup);
    if (depth > 5 || !fs.existsSync(file)) return '';
    return expandIncludes(fs.readFileSync(file, 'utf8'), docs, depth + 1);
  });
}

function stripFrontMatter(text) {
  return text.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** Hugo's heading anchor: lower case, punctuation but `-` and `_` dropped, each space to `-` (`logs > groups` is `logs--groups`). */
function slug(heading) {
  return heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');
}

function parsePage(raw) {
  const stage = /^\s+stage:\s*(\S+)/m.exec(raw)?.[1];
  const text = stripFrontMatter(raw);
  const lines = text.split('\n');
  const headings = [];
  let fence = false;
  lines.forEach((line, i) => {
    if (/^\s*```/.test(line)) fence = !fence;
    const m = !fence && /^(#{1,6})\s+(.*)$/.exec(line);
    if (m) headings.push({ level: m[1].length, title: m[2].trim(), line: i });
  });
  const sectionOf = (h) => {
    const next = headings.find((o) => o.line > h.line && o.level <= h.level);
    return lines.slice(h.line + 1, next ? next.line : lines.length);
  };
  const section = (level, re) => {
    const h = headings.find((o) => o.level === level && re.test(o.title));
    return h ? sectionOf(h) : undefined;
  };
  const links = new Map([...text.matchAll(/^\[([^\]]+)\]:\s*#(\S+)/gm)].map((m) => [m[1], m[2]]));
  // Anchors of the sections the reference links point to: where a block section hands over to a
  // nested block's own section (`### stage.metrics` then `#### metric.counter`).
  const anchors = new Set([...links.values(), ...[...text.matchAll(/\]\(#([^)\s]+)\)/g)].map((m) => m[1])]);
  const sectionByAnchor = (anchor) => {
    const h = headings.find((o) => o.level >= 3 && slug(o.title) === anchor);
    if (!h) return undefined;
    const body = sectionOf(h);
    const own = body.findIndex((l, i) => {
      const m = /^#{3,6}\s+(.*)$/.exec(l);
      return m && headings.some((o) => o.line === h.line + 1 + i) && (anchors.has(slug(m[1])) || /^`[\w.]+`(\s*>\s*`[\w.]+`)*$/.test(m[1].trim()));
    });
    return { own: own < 0 ? body : body.slice(0, own), all: body };
  };

  const argsSection = section(2, /^Arguments$/);
  const exportsSection = section(2, /^(Exported fields|Exports)$/);
  const blocksSection = section(2, /^Blocks$/);
  return {
    stage: stageName(stage),
    summary: summaryOf(lines, headings, headings.find((h) => h.level === 1)?.title.replace(/`/g, '')),
    arguments: argsSection ? argumentTables(argsSection) : null,
    exports: exportsSection ? exportTables(exportsSection) : null,
    // Only the overview table: tables under `###` headings list a block's own children.
    blocks: blocksSection ? blockTable(beforeSubheading(blocksSection), links, sectionByAnchor) : [],
  };
}

function beforeSubheading(lines) {
  const end = lines.findIndex((l) => /^#{3,}\s/.test(l));
  return end < 0 ? lines : lines.slice(0, end);
}

function stageName(stage) {
  return { 'general-availability': 'generally-available', 'public-preview': 'public-preview', experimental: 'experimental' }[stage];
}

/** The first sentence after the `#` title that names the component, else the first one. */
function summaryOf(lines, headings, name) {
  const title = headings.find((h) => h.level === 1);
  const end = headings.find((h) => h.level === 2)?.line ?? lines.length;
  const paragraphs = [];
  let para = [];
  for (const line of lines.slice(title ? title.line + 1 : 0, end)) {
    if (line.trim() === '' || /^\s*(\{\{|<|\||>|#|```)/.test(line)) {
      if (para.length) paragraphs.push(cleanMarkdown(para.join(' ')));
      para = [];
    } else para.push(line.trim());
  }
  if (para.length) paragraphs.push(cleanMarkdown(para.join(' ')));
  const sentences = paragraphs.map((p) => /^(.*?[.!?])(\s|$)/.exec(p)?.[1] ?? p).filter(Boolean);
  const sentence = sentences.find((s) => name && s.includes(name)) ?? sentences[0] ?? '';
  return sentence.length > 200 ? sentence.slice(0, 197) + '...' : sentence;
}

function cleanMarkdown(s) {
  return s
    .replace(/\{\{<\s*param\s+"([^"]+)"\s*>\}\}/g, (_m, p) => (p === 'PRODUCT_NAME' ? 'Alloy' : p))
    .replace(/\{\{[\s\S]*?\}\}/g, '')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Markdown tables in a section: header cells and rows of cells. */
function tablesIn(lines) {
  const tables = [];
  let current;
  for (const line of lines) {
    if (/^\s*\|/.test(line)) {
      const cells = splitRow(line);
      if (!current) current = { header: cells.map((c) => c.replace(/\*/g, '').trim().toLowerCase()), rows: [] };
      else if (!cells.every((c) => /^:?-+:?$/.test(c))) current.rows.push(cells);
    } else if (current) {
      tables.push(current);
      current = undefined;
    }
  }
  if (current) tables.push(current);
  return tables;
}

function splitRow(line) {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells = [];
  let cell = '';
  let tick = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && body[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '`') {
      tick = !tick;
      cell += c;
    } else if (c === '|' && !tick) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

function unticked(cell) {
  const m = /`([^`]+)`/.exec(cell);
  return (m ? m[1] : cell).trim();
}

function argumentTables(lines) {
  const args = [];
  for (const t of tablesIn(lines)) {
    const [nameCol, typeCol] = [t.header.indexOf('name'), t.header.indexOf('type')];
    if (nameCol !== 0 || typeCol < 0 || t.header.indexOf('required') < 0) continue;
    const requiredCol = t.header.indexOf('required');
    const defaultCol = t.header.indexOf('default');
    for (const row of t.rows) {
      const name = unticked(row[nameCol] ?? '');
      if (!/^[A-Za-z_][\w]*$/.test(name) || args.some((a) => a.name === name)) continue;
      const arg = { name, type: unticked(row[typeCol] ?? ''), required: /^yes$/i.test((row[requiredCol] ?? '').trim()) };
      const def = defaultCol >= 0 ? (row[defaultCol] ?? '').trim() : '';
      if (def) arg.default = cleanMarkdown(def.replace(/`/g, ''));
      args.push(arg);
    }
  }
  return args;
}

function exportTables(lines) {
  const out = [];
  for (const t of tablesIn(lines)) {
    if (t.header[0] !== 'name' || t.header.indexOf('type') < 0) continue;
    for (const row of t.rows) {
      const name = unticked(row[0] ?? '');
      if (/^[A-Za-z_]\w*$/.test(name) && !out.some((e) => e.name === name)) out.push({ name, type: unticked(row[t.header.indexOf('type')] ?? '') });
    }
  }
  return out;
}

/**
 * The blocks table: one row per block path; arguments from the section its link points to, up to
 * the first nested block's section. A block section may hold its own blocks table, with paths
 * relative to it (`stage.metrics` lists `metric.counter`): those rows are followed too.
 */
function blockTable(lines, links, sectionByAnchor, prefix = [], blocks = [], depth = 0) {
  for (const t of tablesIn(lines)) {
    if (!['block', 'name'].includes(t.header[0]) || t.header.indexOf('required') < 0 || t.header.indexOf('type') >= 0) continue;
    const requiredCol = t.header.indexOf('required');
    for (const row of t.rows) {
      const segments = row[0].split(/\s+>\s+/).map((s) => s.trim());
      const names = segments.map(blockNameOf);
      if (names.some((n) => !n)) continue;
      const blockPath = prefix.length && !prefix.every((p, i) => names[i] === p) ? [...prefix, ...names] : names;
      if (blocks.some((b) => b.path.join('>') === blockPath.join('>'))) continue;
      const last = segments[segments.length - 1];
      const link = /^\[([^\]]+)\]\[([^\]]*)\]/.exec(last);
      const ref = link ? link[2] || link[1] : undefined;
      const inline = /^\[[^\]]+\]\(#([^)\s]+)\)/.exec(last)?.[1]; // [groups](#logs--groups)
      const anchor = inline ?? (ref && links.get(ref)) ?? slug(blockPath[blockPath.length - 1]);
      const body = sectionByAnchor(anchor);
      blocks.push({
        path: blockPath,
        required: /^yes$/i.test((row[requiredCol] ?? '').replace(/\*/g, '').trim()),
        arguments: body ? argumentTables(body.own) : null,
      });
      if (body && depth < 6) blockTable(body.own, links, sectionByAnchor, blockPath, blocks, depth + 1);
    }
  }
  return blocks;
}

/** A block's name in a table cell: `` `name` ``, ``[`name`][ref]``, `[name][]`, ``[name`][ref]``, ``[`tls` client][ref]`` or bare. */
function blockNameOf(cell) {
  const link = /^\[([^\]]+)\]/.exec(cell);
  const text = (link ? link[1] : cell).replace(/`/g, '').trim().split(/\s+/)[0] ?? '';
  return /^[A-Za-z_][\w.]*$/.test(text) ? text : undefined;
}

/** One line per component, so a regeneration diffs component by component. */
function render(registry) {
  const section = (obj) => '{\n' + Object.entries(obj).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n') + '\n }';
  const parts = Object.entries(registry).map(([k, v]) => ` ${JSON.stringify(k)}: ${['components', 'configBlocks'].includes(k) ? section(v) : JSON.stringify(v)}`);
  return '{\n' + parts.join(',\n') + '\n}\n';
}

function sortKeys(obj) {
  return Object.fromEntries(Object.entries(obj).sort(([a], [b]) => a.localeCompare(b)));
}

main();
