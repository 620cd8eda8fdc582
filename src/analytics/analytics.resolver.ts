import { Args, Query, Resolver } from '@nestjs/graphql';
import { CompareRolesArgs, FilterArgs, PostingTrendsArgs, SalaryStatsArgs, SkillCooccurrenceArgs, SurveyDistributionArgs, TopSkillsArgs } from './dto/analytics.args';
import { MarketSummary, RoleComparison, SalaryStats, SkillDemand, SkillPairing, SurveyDistribution, TrendSeries } from './models/market.models';
import { PostingTrendsService } from './posting-trends.service';
import { SalaryStatsService } from './salary-stats.service';
import { SkillDemandService } from './skill-demand.service';
import { SurveyAnalyticsService } from './survey-analytics.service';

@Resolver()
export class AnalyticsResolver {
  constructor(
    private readonly trends: PostingTrendsService,
    private readonly salaries: SalaryStatsService,
    private readonly skills: SkillDemandService,
    private readonly surveys: SurveyAnalyticsService,
  ) {}

  @Query(() => [TrendSeries], { description: 'Postings per period for the top keys, with each key’s share of the period’s postings.' })
  postingTrends(@Args() args: PostingTrendsArgs): Promise<TrendSeries[]> {
    return this.trends.postingTrends(args.filter, args.groupBy, args.interval, args.limit);
  }

  @Query(() => [SalaryStats], { description: 'Annual USD salary distribution per group; outliers excluded unless filter.includeOutliers.' })
  salaryStats(@Args() args: SalaryStatsArgs): Promise<SalaryStats[]> {
    return this.salaries.salaryStats(args.filter, args.groupBy, args.source, args.minSample);
  }

  @Query(() => [SkillDemand], { description: 'Most asked-for skills with share, growth against the previous period and salary premium.' })
  topSkills(@Args() args: TopSkillsArgs): Promise<SkillDemand[]> {
    return this.skills.topSkills(args.filter, args.limit);
  }

  @Query(() => [SkillPairing], { description: 'Skills asked for together with the given one, with lift.' })
  skillCooccurrence(@Args() args: SkillCooccurrenceArgs): Promise<SkillPairing[]> {
    return this.skills.skillCooccurrence(args.skill, args.filter, args.limit);
  }

  @Query(() => SurveyDistribution, { description: 'How survey respondents answer one question.' })
  surveyDistribution(@Args() args: SurveyDistributionArgs): Promise<SurveyDistribution> {
    return this.surveys.surveyDistribution(args.dimension, args.filter);
  }

  @Query(() => RoleComparison, { description: 'Two role families side by side: postings, median salary, top and distinguishing skills.' })
  compareRoles(@Args() args: CompareRolesArgs): Promise<RoleComparison> {
    return this.skills.compareRoles(args.a, args.b, args.filter, args.limit);
  }

  @Query(() => MarketSummary, { description: 'Dashboard header: postings, median salary, top skills and regions, change against the previous period.' })
  marketSummary(@Args() args: FilterArgs): Promise<MarketSummary> {
    return this.skills.marketSummary(args.filter);
  }
}
