import { sourceCell, type ReturnSource } from '../records.js';
import type { ConsolidationResult, GroupAggregate } from './types.js';

/** The returns (file, sheet, row, cells) that fed an aggregate. */
export function provenanceOf(result: ConsolidationResult, group: GroupAggregate): ReturnSource[] {
  return group.members.map((i) => result.kept[i]!.source);
}

/**
 * The cells that fed one indicator of an aggregate: for each return of the group that gives
 * it, where the value was read (A1 address when the reader recorded it).
 */
export function provenanceOfIndicator(
  result: ConsolidationResult,
  group: GroupAggregate,
  code: string,
): { file: string; sheet: string; row?: number; cell?: string }[] {
  const out: { file: string; sheet: string; row?: number; cell?: string }[] = [];
  for (const i of group.members) {
    const r = result.kept[i]!;
    if (r.values[code as keyof typeof r.values] === undefined) continue;
    const cell = sourceCell(r.source, code);
    out.push({
      file: r.source.file,
      sheet: r.source.sheet,
      ...(r.source.row !== undefined ? { row: r.source.row } : {}),
      ...(cell ? { cell } : {}),
    });
  }
  return out;
}
