import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ApiRole, Principal } from './role.enum';

const CACHE_MS = 30_000;
export const DEFAULT_ORGANIZATION = 'default';

export function hashApiKey(key: string): string {
  // Keys are 256-bit random strings, so a fast hash is enough (no dictionary to defend against).
  return createHash('sha256').update(key).digest('hex');
}

export function generateApiKey(): string {
  return `hs_${randomBytes(32).toString('base64url')}`;
}

export interface ApiKeyRecord {
  id: string;
  organizationId: string;
  organizationName: string;
  name: string;
  role: ApiRole;
  keyPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Issues, looks up and revokes API keys. Keys are shown once; only their hash is stored. */
@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);
  private readonly cache = new Map<string, { principal: Principal | null; at: number }>();

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async authenticate(key: string): Promise<Principal | null> {
    const hash = hashApiKey(key);
    const hit = this.cache.get(hash);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.principal;
    const [row] = await this.db.query(`SELECT id, organization_id, role FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`, [hash]);
    // Recorded at most once per cache period per key; a failure here must not fail the request.
    if (row) void this.db.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [row.id]).catch(() => undefined);
    const principal = row ? { apiKeyId: row.id, organizationId: row.organization_id, role: row.role as ApiRole } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { principal, at: Date.now() });
    return principal;
  }

  async organizationId(name: string): Promise<string> {
    const [row] = await this.db.query(
      `INSERT INTO organizations (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id`,
      [name],
    );
    return row.id;
  }

  async create(input: { organizationId: string; name: string; role: ApiRole; createdBy?: string }, key = generateApiKey()): Promise<{ key: string; record: ApiKeyRecord }> {
    const [row] = await this.db.query(
      `INSERT INTO api_keys (organization_id, name, role, key_prefix, key_hash, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.organizationId, input.name, input.role, key.slice(0, 10), hashApiKey(key), input.createdBy ?? null],
    );
    return { key, record: (await this.find(row.id))! };
  }

  async find(id: string): Promise<ApiKeyRecord | null> {
    const rows = await this.list({ id });
    return rows[0] ?? null;
  }

  async list(where: { id?: string; organizationId?: string } = {}): Promise<ApiKeyRecord[]> {
    const rows = await this.db.query(
      `SELECT k.id, k.organization_id, o.name AS organization_name, k.name, k.role, k.key_prefix, k.created_at, k.last_used_at, k.revoked_at
         FROM api_keys k JOIN organizations o ON o.id = k.organization_id
        WHERE ($1::uuid IS NULL OR k.id = $1) AND ($2::uuid IS NULL OR k.organization_id = $2)
        ORDER BY k.created_at`,
      [where.id ?? null, where.organizationId ?? null],
    );
    return rows.map((r: any) => ({
      id: r.id,
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      name: r.name,
      role: r.role,
      keyPrefix: r.key_prefix,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
      revokedAt: r.revoked_at,
    }));
  }

  async revoke(id: string): Promise<ApiKeyRecord | null> {
    await this.db.query(`UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1`, [id]);
    this.cache.clear();
    return this.find(id);
  }

  /**
   * First start: make sure an admin key exists. ADMIN_API_KEY wins; otherwise, when the database has
   * no key at all, generate one and write it to DATA_DIR/admin-api-key (shown once in the log).
   */
  async bootstrapAdminKey(): Promise<void> {
    const organizationId = await this.organizationId(DEFAULT_ORGANIZATION);
    if (this.config.adminApiKey) {
      const [exists] = await this.db.query(`SELECT 1 FROM api_keys WHERE key_hash = $1`, [hashApiKey(this.config.adminApiKey)]);
      if (!exists) await this.create({ organizationId, name: 'bootstrap admin (ADMIN_API_KEY)', role: ApiRole.ADMIN }, this.config.adminApiKey);
      return;
    }
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM api_keys`);
    if (n > 0) return;
    const { key } = await this.create({ organizationId, name: 'bootstrap admin (generated)', role: ApiRole.ADMIN });
    const dir = resolve(this.config.dataDir);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'admin-api-key');
    writeFileSync(file, `${key}\n`, { mode: 0o600 });
    this.logger.warn(`No ADMIN_API_KEY set: generated an admin key and wrote it to ${file} (Authorization: Bearer <key>)`);
  }
}
