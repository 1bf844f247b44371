// The stream labels the workspace's log pipelines set (Promtail configurations and Alloy files), so a
// dashboard's LogQL can be checked against them. The workspace is the tree below the nearest directory
// with a compose file or `.git` above the dashboard.
import * as path from 'node:path';
import { parseAlloy } from '../alloy/parser';
import { relabelRules } from '../alloy/relabelRules';
import { attributesOf, walkBlocks } from '../alloy/traverse';
import type { Expr, Statement } from '../alloy/ast';
import { isComposeFileName, SKIPPED_DIRECTORIES } from '../workspace/fileNames';
import type { FileSource } from '../workspace/fileSource';
import { promtailLabels, type PipelineLabels } from './promtailConfig';
import { topLevelKeys } from './yamlConfig';

export interface WorkspaceLogLabels extends PipelineLabels {
  /** The pipeline files the labels come from. */
  pipelines: string[];
}

const MAX_DEPTH = 6;
const MAX_ENTRIES = 5000;
const LISTING_TTL_MS = 5000;

export class LogPipelineIndex {
  private readonly listings = new Map<string, { files: string[]; at: number }>();
  private readonly parsed = new Map<string, { text: string; labels: PipelineLabels | undefined }>();

  constructor(private readonly source: FileSource) {}

  /** The labels set by pipelines in `file`'s workspace; undefined when it has no pipeline. */
  labelsFor(file: string): WorkspaceLogLabels | undefined {
    const labels = new Set<string>();
    const pipelines: string[] = [];
    let open = false;
    for (const candidate of this.candidates(this.workspaceRoot(path.dirname(file)))) {
      const found = this.pipelineLabels(candidate);
      if (!found) continue;
      pipelines.push(candidate);
      found.labels.forEach((l) => labels.add(l));
      open ||= found.open;
    }
    return pipelines.length === 0 ? undefined : { labels, open, pipelines };
  }

  /** The nearest directory at or above `dir` holding a compose file or `.git`; `dir` when none does. */
  workspaceRoot(dir: string): string {
    for (let current = dir; ; current = path.dirname(current)) {
      const names = this.source.listDir(current) ?? [];
      if (names.includes('.git') || names.some(isComposeFileName)) return current;
      if (path.dirname(current) === current) return dir;
    }
  }

  /** Alloy, YAML and compose files below the root (compose files may ship logs with the Loki driver). */
  private candidates(root: string): string[] {
    const cached = this.listings.get(root);
    if (cached && Date.now() - cached.at < LISTING_TTL_MS) return cached.files;
    const files: string[] = [];
    let seen = 0;
    const walk = (dir: string, depth: number) => {
      for (const name of (this.source.listDir(dir) ?? []).sort()) {
        if (++seen > MAX_ENTRIES) return;
        const full = path.join(dir, name);
        if (/\.(alloy|ya?ml)$/.test(name)) files.push(full);
        else if (!SKIPPED_DIRECTORIES.has(name) && depth < MAX_DEPTH && !/\.\w{1,5}$/.test(name)) walk(full, depth + 1);
      }
    };
    walk(root, 0);
    this.listings.set(root, { files, at: Date.now() });
    return files;
  }

  private pipelineLabels(file: string): PipelineLabels | undefined {
    const text = this.source.readFile(file);
    if (text === undefined) return undefined;
    const cached = this.parsed.get(file);
    if (cached?.text === text) return cached.labels;
    const labels = labelsOfFile(file, text);
    this.parsed.set(file, { text, labels });
    return labels;
  }
}

function labelsOfFile(file: string, text: string): PipelineLabels | undefined {
  if (file.endsWith('.alloy')) return alloyLabels(text);
  const keys = topLevelKeys(text);
  // The Loki logging driver labels by container and compose service, and more with loki-external-labels.
  if (keys.has('services')) return /\bdriver:\s*["']?loki\b/.test(text) ? { labels: new Set(), open: true } : undefined;
  const isPromtail = keys.has('scrape_configs') && (keys.has('positions') || keys.has('clients') || /^\s+(?:-\s+)?(?:pipeline_stages|__path__)\s*:/m.test(text));
  return isPromtail ? promtailLabels(text) : undefined;
}

/** Labels written by an Alloy file: relabel `rule`s, `stage.labels`/`stage.static_labels`, `labels`, targets. */
export function alloyLabels(text: string): PipelineLabels | undefined {
  const { file } = parseAlloy(text);
  const labels = new Set<string>();
  let open = false;
  let isPipeline = false;
  const addKeys = (expr: Expr | undefined) => {
    const objects = expr?.kind === 'object' ? [expr] : expr?.kind === 'array' ? expr.elements : [];
    for (const o of objects) if (o.kind === 'object') for (const f of o.fields) if (!f.name.name.startsWith('__')) labels.add(f.name.name);
  };
  const attr = (body: Statement[], name: string) => attributesOf(body).find((a) => a.name.name === name)?.value;
  for (const { block, fullName } of walkBlocks(file.body)) {
    if (fullName.startsWith('loki.')) isPipeline = true;
    if (fullName === 'loki.source.file') labels.add('filename');
    if (fullName === 'stage.labels' || fullName === 'stage.static_labels') addKeys(attr(block.body, 'values'));
    if (fullName === 'loki.write') addKeys(attr(block.body, 'external_labels'));
    addKeys(attr(block.body, 'labels'));
    addKeys(attr(block.body, 'targets'));
    addKeys(attr(block.body, 'path_targets'));
  }
  for (const rule of relabelRules(file)) {
    if (rule.action === 'labelmap' || rule.dynamicTarget || rule.target?.includes('$')) open = true;
    else if (rule.target && !rule.target.startsWith('__') && ['replace', 'lowercase', 'uppercase', 'hashmod'].includes(rule.action)) labels.add(rule.target);
  }
  return isPipeline ? { labels, open } : undefined;
}
