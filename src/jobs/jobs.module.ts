import { Module } from '@nestjs/common';
import { JobsResolver } from './jobs.resolver';

@Module({ providers: [JobsResolver] })
export class JobsModule {}
