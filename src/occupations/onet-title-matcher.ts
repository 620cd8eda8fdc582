import { RoleFamily } from '../common/market.enums';
import { OnetTitleRow } from './onet-files.util';
import { onetTitleKey, OnetTitleSource } from './onet-title-key.util';

/**
 * The usual O*NET-SOC occupation of each data/ML role family, used when the title itself is not an
 * O*NET title, and to choose among the occupations one title names ("Machine Learning Engineer" is
 * listed under 15-1221.00, 15-1299.08 and 15-2051.00). OTHER has none: a title we cannot place in a
 * data family and O*NET does not list stays unmapped rather than guessed.
 */
export const SOC_BY_ROLE_FAMILY: Readonly<Partial<Record<RoleFamily, string>>> = {
  [RoleFamily.DATA_SCIENTIST]: '15-2051.00', // Data Scientists
  [RoleFamily.ML_ENGINEER]: '15-1221.00', // Computer and Information Research Scientists (O*NET's home of ML/AI engineers)
  [RoleFamily.AI_ENGINEER]: '15-1221.00',
  [RoleFamily.RESEARCH_SCIENTIST]: '15-1221.00',
  [RoleFamily.MLOPS_ENGINEER]: '15-1299.08', // Computer Systems Engineers/Architects
  [RoleFamily.DATA_ENGINEER]: '15-1243.00', // Database Architects (lists "Data Engineer")
  [RoleFamily.DATA_ANALYST]: '15-2051.01', // Business Intelligence Analysts
  [RoleFamily.ANALYTICS_ENGINEER]: '15-2051.01',
  [RoleFamily.DATA_MANAGER]: '11-3021.00', // Computer and Information Systems Managers
};

const SOURCE_RANK: Readonly<Record<OnetTitleSource, number>> = { occupation: 0, reported: 1, alternate: 2 };
// Level words say nothing about the occupation: "Senior Data Scientist II" is a Data Scientist.
const LEVEL_WORDS_RE = /\b(?:senior|sr|snr|junior|jr|jnr|lead|principal|staff|mid|entry level|entry|intern|trainee|graduate|i{1,3}|iv|[1-5])\b/g;
const SPACES_RE = /\s{2,}/g;
const MEMO_LIMIT = 50_000;

/**
 * Title -> O*NET-SOC code, deterministic, in this order:
 * 1. the raw title, then the cleaned title (tags, places, work modes removed), as an exact O*NET title;
 * 2. the cleaned title without level words, exactly;
 * 3. the role family's usual occupation (SOC_BY_ROLE_FAMILY).
 * When one text names several occupations, the role family's occupation wins if among them, else the
 * most authoritative source (occupation title, reported title, alternate title), then the lowest code.
 * Built once per ingestion run; results are memoised by title, so a repeated title costs one Map lookup.
 */
export class OnetTitleMatcher {
  private readonly codesByKey = new Map<string, string[]>();
  private readonly known = new Set<string>();
  private readonly memo = new Map<string, string | null>();

  constructor(titles: readonly OnetTitleRow[]) {
    const sorted = [...titles].sort(
      (a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || (a.socCode < b.socCode ? -1 : a.socCode > b.socCode ? 1 : 0),
    );
    for (const { titleKey, socCode } of sorted) {
      this.known.add(socCode);
      const codes = this.codesByKey.get(titleKey);
      if (!codes) this.codesByKey.set(titleKey, [socCode]);
      else if (!codes.includes(socCode)) codes.push(socCode);
    }
  }

  get titleCount(): number {
    return this.codesByKey.size;
  }

  match(rawTitle: string | null, cleanedTitle: string | null, roleFamily: RoleFamily): string | null {
    if (!rawTitle && !cleanedTitle) return null;
    const memoKey = `${roleFamily}\u0001${rawTitle ?? ''}\u0001${cleanedTitle ?? ''}`;
    const cached = this.memo.get(memoKey);
    if (cached !== undefined) return cached;
    const result = this.resolve(rawTitle, cleanedTitle, roleFamily);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(memoKey, result);
    return result;
  }

  private resolve(rawTitle: string | null, cleanedTitle: string | null, roleFamily: RoleFamily): string | null {
    const familyCode = SOC_BY_ROLE_FAMILY[roleFamily];
    const preferred = familyCode && this.known.has(familyCode) ? familyCode : null;
    const cleanedKey = cleanedTitle ? onetTitleKey(cleanedTitle) : '';
    const strippedKey = cleanedKey.replace(LEVEL_WORDS_RE, ' ').replace(SPACES_RE, ' ').trim();
    for (const key of [rawTitle ? onetTitleKey(rawTitle) : '', cleanedKey, strippedKey]) {
      const codes = key ? this.codesByKey.get(key) : undefined;
      if (codes) return preferred && codes.includes(preferred) ? preferred : codes[0];
    }
    return preferred;
  }
}
