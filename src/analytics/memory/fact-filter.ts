import { SkillMatch } from '../dto/market-filter.input';
import { filterColumns, ResolvedFilter } from '../market-filter.sql';
import { FactFilter } from './facts-view';

/** The in-memory form of a resolved MarketFilter (the same fields MarketFilterSql.postings turns into SQL). */
export function factFilterOf(resolved: ResolvedFilter): FactFilter {
  const f = resolved.filter;
  return {
    from: resolved.from,
    to: resolved.to,
    dims: filterColumns(f),
    skillIds: resolved.skillIds,
    skillMatchAny: f.skillMatch === SkillMatch.ANY,
    includeOutliers: Boolean(f.includeOutliers),
  };
}
