import { Module } from '@nestjs/common';
import { OnetIndexService } from './onet-index.service';

/** O*NET-SOC occupations: the title index used by ingestion. Importing is a CLI (src/cli/import-onet.cli.ts). */
@Module({
  providers: [OnetIndexService],
  exports: [OnetIndexService],
})
export class OccupationsModule {}
