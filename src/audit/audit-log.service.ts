import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/role.enum';

export type AuditAction = 'READ' | 'CREATE' | 'UPDATE' | 'ERASE' | 'MATCH' | 'LIST';

/** Who read or changed personal data, and when: ids and actions only, never the data itself. */
@Injectable()
export class AuditLogService {
  constructor(private readonly db: DataSource) {}

  async record(principal: Principal, action: AuditAction, entity: string, entityIds: string[] | string | null): Promise<void> {
    const ids = entityIds === null ? [null] : Array.isArray(entityIds) ? entityIds : [entityIds];
    if (ids.length === 0) return;
    await this.db.query(
      `INSERT INTO audit_log (organization_id, api_key_id, action, entity, entity_id) SELECT $1, $2, $3, $4, unnest($5::text[])`,
      [principal.organizationId, principal.apiKeyId, action, entity, ids],
    );
  }
}
