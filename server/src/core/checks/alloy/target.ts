import * as path from 'node:path';
import { parseAlloy, type ParseResult } from '../../alloy/parser';
import type { Stack } from '../../compose/stack';
import type { FileSource } from '../../workspace/fileSource';
import { buildModel, type AlloyModel } from './model';

/** What every Alloy check reads: one file, its components and scopes, and what is around it. */
export interface AlloyTarget {
  file: string;
  text: string;
  parsed: ParseResult;
  model: AlloyModel;
  /**
   * Components declared by the other `*.alloy` files of the directory: `alloy run <dir>` loads them
   * as one configuration, so a reference may resolve there.
   */
  siblings(): AlloyModel[];
  /** The compose stacks of the nearest directory (this one or a parent) that has compose files. */
  nearbyStacks(): Stack[];
}

export type StacksOfDirectory = (dir: string) => Stack[];

const PARENT_LEVELS = 3;

export function alloyTarget(file: string, text: string, source: FileSource, stacksOf: StacksOfDirectory = () => []): AlloyTarget {
  const parsed = parseAlloy(text);
  let siblings: AlloyModel[] | undefined;
  let stacks: Stack[] | undefined;
  return {
    file,
    text,
    parsed,
    model: buildModel(parsed.file),
    siblings() {
      siblings ??= siblingModels(file, source);
      return siblings;
    },
    nearbyStacks() {
      stacks ??= nearestStacks(path.dirname(file), stacksOf);
      return stacks;
    },
  };
}

function siblingModels(file: string, source: FileSource): AlloyModel[] {
  const dir = path.dirname(file);
  return (source.listDir(dir) ?? [])
    .filter((n) => n.endsWith('.alloy') && path.join(dir, n) !== file)
    .flatMap((n) => {
      const text = source.readFile(path.join(dir, n));
      return text === undefined ? [] : [buildModel(parseAlloy(text).file)];
    });
}

function nearestStacks(dir: string, stacksOf: StacksOfDirectory): Stack[] {
  for (let level = 0, d = dir; level <= PARENT_LEVELS; level++, d = path.dirname(d)) {
    const stacks = stacksOf(d);
    if (stacks.length > 0) return stacks;
    if (path.dirname(d) === d) break;
  }
  return [];
}
