// Which query language a panel, target or variable speaks, from its `datasource`: an object
// `{type, uid}`, a data source name, or a `$var`/`${DS_…}` resolved through the dashboard's
// data source variables and `__inputs`.
import type { QueryLanguage } from '../queries/queryParse';
import { arrayItems, member, stringMember, type JsonNode } from './jsonTree';

export type DatasourceKind =
  | { kind: 'language'; language: QueryLanguage; confident: boolean }
  /** Another data source (testdata, Elasticsearch …): its `expr` is not ours to check. */
  | { kind: 'other' }
  /** `-- Mixed --`: each target says its own. */
  | { kind: 'mixed' };

const TYPES: Record<string, QueryLanguage> = { prometheus: 'promql', loki: 'logql' };
const VARIABLE = /^\$\{?(\w+)(?::\w+)?\}?$|^\[\[(\w+)\]\]$/;

export class DatasourceResolver {
  /** Variable or input name to plugin type. */
  private readonly variables = new Map<string, string>();

  constructor(dashboard: JsonNode, root: JsonNode) {
    for (const input of [...arrayItems(member(root, '__inputs')), ...arrayItems(member(dashboard, '__inputs'))]) {
      const name = stringMember(input, 'name')?.value;
      const plugin = stringMember(input, 'pluginId')?.value;
      if (name && plugin && stringMember(input, 'type')?.value === 'datasource') this.variables.set(name, plugin);
    }
    for (const variable of arrayItems(member(member(dashboard, 'templating'), 'list'))) {
      const name = stringMember(variable, 'name')?.value;
      const query = stringMember(variable, 'query')?.value;
      if (name && query && stringMember(variable, 'type')?.value === 'datasource') this.variables.set(name, query);
    }
  }

  /** What a `datasource` value says; undefined when it does not (absent, null: the default data source). */
  resolve(node: JsonNode | undefined): DatasourceKind | undefined {
    if (node === undefined || node.kind === 'null') return undefined;
    if (node.kind === 'string') return this.fromReference(node.value);
    if (node.kind !== 'object') return undefined;
    const type = stringMember(node, 'type')?.value;
    const uid = stringMember(node, 'uid')?.value;
    if (uid === '-- Mixed --') return { kind: 'mixed' };
    if (type !== undefined && !VARIABLE.test(type)) return this.fromType(type);
    return uid === undefined ? undefined : this.fromReference(uid);
  }

  private fromType(type: string): DatasourceKind {
    const language = TYPES[type];
    return language ? { kind: 'language', language, confident: true } : type === 'datasource' ? { kind: 'mixed' } : { kind: 'other' };
  }

  private fromReference(ref: string): DatasourceKind | undefined {
    if (ref === '-- Mixed --') return { kind: 'mixed' };
    if (ref === '-- Grafana --' || ref === '-- Dashboard --') return { kind: 'other' };
    const variable = VARIABLE.exec(ref);
    if (variable) {
      const type = this.variables.get(variable[1] ?? variable[2]);
      return type === undefined ? undefined : this.fromType(type);
    }
    // A data source name (or uid): only a hint.
    const lower = ref.toLowerCase();
    if (lower.includes('loki')) return { kind: 'language', language: 'logql', confident: false };
    if (/prom|mimir|thanos|cortex|victoria/.test(lower)) return { kind: 'language', language: 'promql', confident: false };
    return undefined;
  }
}
