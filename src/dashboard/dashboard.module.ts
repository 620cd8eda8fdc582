import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';

/** The recruiter dashboard (web/, built into dist/web) at `/`; API role only. */
@Module({ controllers: [DashboardController] })
export class DashboardModule {}
