// Which query language a panel, target or variable speaks, from its `datasource`: an object
// `{type, uid}`, a data source name, or a `$var`/`${DS_…}` resolved through the dashboard's
// data source variables and `__inputs`.
import type { QueryLanguage } from '../queries/queryParse';
import type { JsonNode, JsonTree } from './jsonTree';

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

  constructor(
    private readonly tree: JsonTree,
    dashboard: JsonNode,
  ) {
    const inputs = [...tree.items(tree.member(tree.root, '__inputs')), ...(dashboard === tree.root ? [] : tree.items(tree.member(dashboard, '__inputs')))];
    for (const input of inputs) {
      const name = tree.stringMember(input, 'name');
      const plugin = tree.stringMember(input, 'pluginId');
      if (name && plugin && tree.stringMember(input, 'type') === 'datasource') this.variables.set(name, plugin);
    }
    for (const variable of tree.items(tree.member(tree.member(dashboard, 'templating'), 'list'))) {
      if (tree.stringMember(variable, 'type') !== 'datasource') continue;
      const name = tree.stringMember(variable, 'name');
      const query = tree.stringMember(variable, 'query');
      if (name && query) this.variables.set(name, query);
    }
  }

  /** What a `datasource` value says; undefined when it does not (absent, null: the default data source). */
  resolve(node: JsonNode | undefined): DatasourceKind | undefined {
    if (node === undefined) return undefined;
    const kind = this.tree.kind(node);
    if (kind === 'string') return this.fromReference(this.tree.string(node)!);
    if (kind !== 'object') return undefined;
    const type = this.tree.stringMember(node, 'type');
    const uid = this.tree.stringMember(node, 'uid');
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
