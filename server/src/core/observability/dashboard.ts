// The PromQL and LogQL in a Grafana dashboard JSON, each with its exact place in the file: panel
// targets (rows, collapsed rows and nested panels included), query variables and annotations.
import type { Span } from '../diagnostic';
import { DatasourceResolver, type DatasourceKind } from './datasource';
import { embeddedQuery, jsonEmbedded, sliceEmbedded, type EmbeddedQuery, type EmbeddedString } from './embedded';
import { parseJsonTree, type JsonNode, type JsonTree } from './jsonTree';
import { guessLanguage, parseQuery } from './queryLanguage';
import { innerQuery } from './variableQuery';

export interface DashboardModel {
  queries: EmbeddedQuery[];
  /** The file is not valid JSON: nothing was read. */
  syntaxError?: { span: Span; message: string };
}

/** The dashboard object: the file itself, or the `dashboard` of a provisioning/API wrapper. */
export function dashboardNode(tree: JsonTree): JsonNode {
  const wrapped = tree.member(tree.root, 'dashboard');
  const isDashboard = wrapped !== undefined && tree.kind(wrapped) === 'object' && ['panels', 'templating', 'rows'].some((key) => tree.member(wrapped, key) !== undefined);
  return isDashboard ? wrapped : tree.root;
}

export function readDashboard(file: string, text: string): DashboardModel {
  const { tree, error } = parseJsonTree(text);
  if (tree === undefined) return { queries: [], syntaxError: error };
  const dashboard = dashboardNode(tree);
  const reader = new QueryReader(file, tree, new DatasourceResolver(tree, dashboard));
  reader.panels(tree.items(tree.member(dashboard, 'panels')), undefined);
  for (const row of tree.items(tree.member(dashboard, 'rows'))) reader.panels(tree.items(tree.member(row, 'panels')), undefined);
  for (const variable of tree.items(tree.member(tree.member(dashboard, 'templating'), 'list'))) reader.variable(variable);
  for (const annotation of tree.items(tree.member(tree.member(dashboard, 'annotations'), 'list'))) reader.annotation(annotation);
  return { queries: reader.queries };
}

class QueryReader {
  readonly queries: EmbeddedQuery[] = [];

  constructor(
    private readonly file: string,
    private readonly tree: JsonTree,
    private readonly datasources: DatasourceResolver,
  ) {}

  panels(panels: JsonNode[], inherited: DatasourceKind | undefined): void {
    const tree = this.tree;
    for (let i = 0; i < panels.length; i++) {
      const panel = panels[i];
      const datasource = this.datasources.resolve(tree.member(panel, 'datasource')) ?? inherited;
      const title = tree.stringMember(panel, 'title') ?? '';
      const targets = tree.items(tree.member(panel, 'targets'));
      for (let k = 0; k < targets.length; k++) {
        const target = targets[k];
        const own = this.datasources.resolve(tree.member(target, 'datasource'));
        const refId = tree.stringMember(target, 'refId') ?? String.fromCharCode(65 + k);
        this.add(this.stringNode(tree.member(target, 'expr')), own ?? datasource, `panel "${title}", query ${refId}`);
      }
      // Rows hold their panels when collapsed; library and nested panels may too.
      this.panels(tree.items(tree.member(panel, 'panels')), datasource);
    }
  }

  variable(variable: JsonNode): void {
    const tree = this.tree;
    if (tree.stringMember(variable, 'type') !== 'query') return;
    const datasource = this.datasources.resolve(tree.member(variable, 'datasource'));
    const name = tree.stringMember(variable, 'name') ?? '';
    const query = tree.member(variable, 'query');
    // The editor's object form: Prometheus `{query}`, Loki `{type, label, stream}`.
    const literal = this.stringNode(query) ?? this.stringNode(tree.member(query, 'query'));
    if (literal !== undefined) {
      const whole = this.embed(literal);
      const inner = innerQuery(whole.value);
      if (inner) this.add(literal, datasource, `variable "${name}"`, sliceEmbedded(whole, inner.span.start, inner.span.end), inner.selectorOnly);
    }
    const stream = tree.member(query, 'stream');
    if (tree.string(stream)?.trim()) this.add(stream, datasource, `variable "${name}"`);
  }

  annotation(annotation: JsonNode): void {
    const tree = this.tree;
    const datasource = this.datasources.resolve(tree.member(annotation, 'datasource'));
    const name = tree.stringMember(annotation, 'name') ?? '';
    const expr = this.stringNode(tree.member(annotation, 'expr')) ?? this.stringNode(tree.member(tree.member(annotation, 'target'), 'expr'));
    this.add(expr, datasource, `annotation "${name}"`);
  }

  /** The node when it is a string. */
  private stringNode(node: JsonNode | undefined): JsonNode | undefined {
    return node !== undefined && this.tree.kind(node) === 'string' ? node : undefined;
  }

  private embed(literal: JsonNode): EmbeddedString {
    return jsonEmbedded(this.file, this.tree.text, this.tree.span(literal), this.tree.string(literal)!);
  }

  private add(literal: JsonNode | undefined, datasource: DatasourceKind | undefined, where: string, embedded?: EmbeddedString, selectorOnly = false): void {
    if (literal === undefined || datasource?.kind === 'other') return;
    const s = embedded ?? this.embed(literal);
    if (s.value.trim() === '') return;
    const known = datasource?.kind === 'language' && datasource.confident ? datasource.language : undefined;
    const hint = datasource?.kind === 'language' ? datasource.language : undefined;
    const guess = known ? { language: known, confident: true, parsed: parseQuery(s.value, known) } : guessLanguage(s.value, hint);
    // A bare selector for a variable is Grafana's series lookup: its errors are Grafana's to report.
    this.queries.push(embeddedQuery(s, { language: guess.language, confident: guess.confident && !selectorOnly, where, fromDashboard: true, parsed: guess.parsed }));
  }
}
