import { registerEnumType } from '@nestjs/graphql';

/** admin: everything; recruiter: own org's candidates, matches, reports + market data; analyst: market data, reports, ingestion; viewer: market data. */
export enum ApiRole {
  ADMIN = 'admin',
  RECRUITER = 'recruiter',
  ANALYST = 'analyst',
  VIEWER = 'viewer',
}

registerEnumType(ApiRole, { name: 'ApiRole' });

export interface Principal {
  apiKeyId: string;
  organizationId: string;
  role: ApiRole;
}

export const ALL_ROLES = [ApiRole.ADMIN, ApiRole.RECRUITER, ApiRole.ANALYST, ApiRole.VIEWER];
