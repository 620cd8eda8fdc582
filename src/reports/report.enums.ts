import { registerEnumType } from '@nestjs/graphql';

export enum ReportKindEnum {
  SALARY = 'SALARY',
  DEMAND = 'DEMAND',
  MARKET_OVERVIEW = 'MARKET_OVERVIEW',
}

export enum ReportFormatEnum {
  PDF = 'PDF',
  CSV = 'CSV',
  HTML = 'HTML',
  JSON = 'JSON',
}

export enum ReportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

registerEnumType(ReportKindEnum, { name: 'ReportKind' });
registerEnumType(ReportFormatEnum, { name: 'ReportFormat' });
registerEnumType(ReportStatus, { name: 'ReportStatus' });
