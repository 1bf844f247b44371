// The PromQL and LogQL in a Grafana dashboard JSON, each with its exact place in the file: panel
// targets (rows, collapsed rows and nested panels included), query variables and annotations.
import type { Span } from '../diagnostic';
import { mapToJsonString } from '../queries/jsonString';
import { DatasourceResolver, type DatasourceKind } from './datasource';
import { jsonEmbedded, sliceEmbedded, type EmbeddedQuery, type EmbeddedString } from './embedded';
import { arrayItems, member, parseJsonTree, stringMember, type JsonNode, type JsonString } from './jsonTree';
import { guessLanguage } from './queryLanguage';
import { innerQuery } from './variableQuery';

export interface DashboardModel {
  queries: EmbeddedQuery[];
  /** The file is not valid JSON: nothing was read. */
  syntaxError?: { span: Span; message: string };
}

/** The dashboard object: the file itself, or the `dashboard` of a provisioning/API wrapper. */
export function dashboardNode(root: JsonNode | undefined): JsonNode | undefined {
  const wrapped = member(root, 'dashboard');
  return wrapped?.kind === 'object' && (member(wrapped, 'panels') || member(wrapped, 'templating') || member(wrapped, 'rows')) ? wrapped : root;
}

export function readDashboard(file: string, text: string): DashboardModel {
  const { root, error } = parseJsonTree(text);
  if (root === undefined) return { queries: [], syntaxError: error };
  const dashboard = dashboardNode(root)!;
  const reader = new QueryReader(file, text, new DatasourceResolver(dashboard, root));
  reader.panels(arrayItems(member(dashboard, 'panels')), undefined);
  for (const row of arrayItems(member(dashboard, 'rows'))) reader.panels(arrayItems(member(row, 'panels')), undefined);
  for (const variable of arrayItems(member(member(dashboard, 'templating'), 'list'))) reader.variable(variable);
  for (const annotation of arrayItems(member(member(dashboard, 'annotations'), 'list'))) reader.annotation(annotation);
  return { queries: reader.queries };
}

class QueryReader {
  readonly queries: EmbeddedQuery[] = [];

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly datasources: DatasourceResolver,
  ) {}

  panels(panels: JsonNode[], inherited: DatasourceKind | undefined): void {
    for (const panel of panels) {
      const datasource = this.datasources.resolve(member(panel, 'datasource')) ?? inherited;
      const title = stringMember(panel, 'title')?.value ?? '';
      arrayItems(member(panel, 'targets')).forEach((target, k) => {
        const own = this.datasources.resolve(member(target, 'datasource'));
        const refId = stringMember(target, 'refId')?.value ?? String.fromCharCode(65 + k);
        this.add(stringMember(target, 'expr'), own ?? datasource, `panel "${title}", query ${refId}`);
      });
      // Rows hold their panels when collapsed; library and nested panels may too.
      this.panels(arrayItems(member(panel, 'panels')), datasource);
    }
  }

  variable(variable: JsonNode): void {
    if (stringMember(variable, 'type')?.value !== 'query') return;
    const datasource = this.datasources.resolve(member(variable, 'datasource'));
    const name = stringMember(variable, 'name')?.value ?? '';
    const query = member(variable, 'query');
    // The editor's object form: Prometheus `{query}`, Loki `{type, label, stream}`.
    const literal = query?.kind === 'string' ? query : stringMember(query, 'query');
    if (literal !== undefined) {
      const whole = this.embed(literal);
      const inner = innerQuery(whole.value);
      if (inner) this.add(literal, datasource, `variable "${name}"`, sliceEmbedded(whole, inner.span.start, inner.span.end), inner.selectorOnly);
    }
    const stream = stringMember(query, 'stream');
    if (stream && stream.value.trim() !== '') this.add(stream, datasource, `variable "${name}"`);
  }

  annotation(annotation: JsonNode): void {
    const datasource = this.datasources.resolve(member(annotation, 'datasource'));
    const name = stringMember(annotation, 'name')?.value ?? '';
    this.add(stringMember(annotation, 'expr') ?? stringMember(member(annotation, 'target'), 'expr'), datasource, `annotation "${name}"`);
  }

  private embed(literal: JsonString): EmbeddedString {
    return jsonEmbedded(this.file, literal.span, mapToJsonString(this.text.slice(literal.span.start, literal.span.end)));
  }

  private add(literal: JsonString | undefined, datasource: DatasourceKind | undefined, where: string, embedded?: EmbeddedString, selectorOnly = false): void {
    if (literal === undefined || literal.value.trim() === '') return;
    if (datasource?.kind === 'other') return;
    const s = embedded ?? this.embed(literal);
    const known = datasource?.kind === 'language' && datasource.confident ? datasource.language : undefined;
    const hint = datasource?.kind === 'language' ? datasource.language : undefined;
    const guess = known ? { language: known, confident: true } : guessLanguage(s.value, hint);
    // A bare selector for a variable is Grafana's series lookup: its errors are Grafana's to report.
    this.queries.push({ ...s, ...guess, confident: guess.confident && !selectorOnly, where, fromDashboard: true });
  }
}
