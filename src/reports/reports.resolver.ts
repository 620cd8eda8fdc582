import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { ApiRole, Principal } from '../auth/role.enum';
import { PageArgs } from '../graphql/pagination';
import { RequestReportInput } from './dto/request-report.input';
import { ReportConnection, ReportModel } from './report.model';
import { ReportsService } from './reports.service';

@Roles(ApiRole.ADMIN, ApiRole.RECRUITER, ApiRole.ANALYST)
@Resolver(() => ReportModel)
export class ReportsResolver {
  constructor(private readonly reportService: ReportsService) {}

  @Mutation(() => ReportModel, { description: 'Queue a salary, demand or market-overview report; watch report(id) for progress and downloads.' })
  requestReport(@CurrentPrincipal() principal: Principal, @Args('input') input: RequestReportInput): Promise<ReportModel> {
    return this.reportService.request(principal, input);
  }

  @Query(() => ReportModel)
  report(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<ReportModel> {
    return this.reportService.find(principal, id);
  }

  @Query(() => ReportConnection, { description: "Your organization's reports, newest first." })
  reports(@CurrentPrincipal() principal: Principal, @Args() page: PageArgs): Promise<ReportConnection> {
    return this.reportService.list(principal, page.first, page.after);
  }
}
