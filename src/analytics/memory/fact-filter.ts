import { SkillMatch } from '../dto/market-filter.input';
import { ResolvedFilter } from '../market-filter.sql';
import { FactFilter } from './facts-view';

/** The in-memory form of a resolved MarketFilter (the same fields MarketFilterSql.postings turns into SQL). */
export function factFilterOf(resolved: ResolvedFilter): FactFilter {
  const f = resolved.filter;
  return {
    from: resolved.from,
    to: resolved.to,
    dims: {
      role_family: f.roleFamilies,
      seniority: f.seniorities,
      country: f.countries?.map((c) => c.toUpperCase()),
      region: f.regions,
      industry: f.industries,
      remote_type: f.remoteTypes,
      employment_type: f.employmentTypes,
      company_size: f.companySizes,
    },
    skillIds: resolved.skillIds,
    skillMatchAny: f.skillMatch === SkillMatch.ANY,
    includeOutliers: Boolean(f.includeOutliers),
  };
}
