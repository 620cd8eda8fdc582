import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { ApiRole, Principal } from '../auth/role.enum';
import { ReportsService } from './reports.service';

/** GET /reports/:id/:format — same key and roles as the GraphQL API, own organization only. */
@Roles(ApiRole.ADMIN, ApiRole.RECRUITER, ApiRole.ANALYST)
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id/:format')
  async download(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('format') format: string, @Res() res: Response): Promise<void> {
    const file = await this.reports.download(principal, id, format);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName.replace(/"/g, '')}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(file.content);
  }
}
