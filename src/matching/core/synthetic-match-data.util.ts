import { SKILL_TAXONOMY } from '../../reference/skills.data';
import { generatePostings } from '../../../seeds/generators/synthetic-postings';
import type { PostingProfile } from './match-features';

/**
 * Synthetic postings as the matching core sees them, for specs and benchmarks. Skill ids mimic the seeded
 * `skills` table (serial ids in taxonomy order, so id = 1 + taxonomy index); the vocabulary is the whole taxonomy
 * although the generator only uses its canonical ML skills, as in production.
 */
export const SYNTHETIC_VOCAB_SIZE = SKILL_TAXONOMY.length + 1;
const IDS = new Map<string, number>(SKILL_TAXONOMY.map((s, i) => [s.name, i + 1]));
const NAMES = new Map<number, string>(SKILL_TAXONOMY.map((s, i) => [i + 1, s.name]));

export function syntheticSkillId(name: string): number {
  const id = IDS.get(name);
  if (id === undefined) throw new RangeError(`Unknown skill "${name}"`);
  return id;
}

export function syntheticSkillName(id: number): string {
  return NAMES.get(id) ?? `#${id}`;
}

export function syntheticPostingProfiles(options: { count: number; seed: number; offset?: number }): PostingProfile[] {
  const out: PostingProfile[] = [];
  for (const p of generatePostings(options)) {
    const t = p.truth;
    const salary = t.salary;
    const mid = salary ? (salary.min + salary.max) / 2 : 0;
    const years = /(\d+)/.exec(p.experience);
    out.push({
      // Duplicates re-emit their original's sourceId; the row number keeps ids unique.
      id: `${p.sourceId}@${out.length + (options.offset ?? 0)}`,
      skillIds: t.skills.map(syntheticSkillId),
      roleFamily: t.roleFamily,
      seniority: t.seniority,
      country: t.country,
      region: t.region,
      remoteType: t.remoteType,
      annualUsdMin: salary && mid > 0 ? Math.round((salary.annualUsd * salary.min) / mid) : undefined,
      annualUsdMax: salary && mid > 0 ? Math.round((salary.annualUsd * salary.max) / mid) : undefined,
      experienceYears: years ? Number(years[1]) : undefined,
    });
  }
  return out;
}
