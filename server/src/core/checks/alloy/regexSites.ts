// Where Alloy takes a regex, and how it applies it: relabel `rule` blocks anchor (`^(?s:...)$`),
// loki.process stages do not.
import { blockFullName, type LiteralExpr } from '../../alloy/ast';
import type { Anchoring } from '../../patterns/re2';
import { schemaBodies } from './schemaWalk';
import type { AlloyModel } from './model';

export interface RegexSite {
  literal: LiteralExpr;
  anchoring: Anchoring;
  /** `rule.regex`, `stage.regex.expression`... */
  where: string;
}

const UNANCHORED: Record<string, string[]> = {
  'stage.regex': ['expression'],
  'stage.replace': ['expression'],
  'stage.drop': ['expression'],
  'stage.multiline': ['firstline'],
};

const ANCHORED_BLOCKS = new Set(['rule', 'write_relabel_config', 'metric_relabel_config']);

const sitesByModel = new WeakMap<AlloyModel, RegexSite[]>();

/** The regex literals of a file; found once per model for the checks that ask. */
export function regexSites(model: AlloyModel): RegexSite[] {
  let sites = sitesByModel.get(model);
  if (!sites) sitesByModel.set(model, (sites = findRegexSites(model)));
  return sites;
}

function findRegexSites(model: AlloyModel): RegexSite[] {
  const sites: RegexSite[] = [];
  for (const visit of schemaBodies(model)) {
    const name = visit.path[visit.path.length - 1];
    if (name === undefined || visit.node.kind !== 'component') continue;
    const attrs = ANCHORED_BLOCKS.has(name) ? ['regex'] : visit.node.name === 'loki.process' ? UNANCHORED[name] ?? [] : [];
    if (attrs.length === 0) continue;
    for (const attr of visit.attributes) {
      if (!attrs.includes(attr.name.name)) continue;
      const v = attr.value;
      if (v.kind !== 'literal' || v.token !== 'STRING') continue;
      sites.push({ literal: v, anchoring: ANCHORED_BLOCKS.has(name) ? 'anchored' : 'unanchored', where: `${blockFullName(visit.block)}.${attr.name.name}` });
    }
  }
  return sites;
}
