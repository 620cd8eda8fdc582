import { Module } from '@nestjs/common';
import { IngestionModule } from '../ingestion/ingestion.module';
import { JobsResolver } from './jobs.resolver';

@Module({ imports: [IngestionModule], providers: [JobsResolver] })
export class JobsModule {}
