import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { Principal } from '../auth/role.enum';
import { PayPeriod } from '../common/market.enums';
import { withTenant } from '../database/tenant-transaction';
import { decodeCursor, encodeCursor, toConnection } from '../graphql/pagination';
import { annualizeToUsd } from '../ingestion/normalizers/salary.normalizer';
import { SkillTaxonomyService } from '../skills/skill-taxonomy.service';
import { CandidateConnection, CandidateModel } from './candidate.model';
import { CandidateConflictException, CandidateNotFoundException } from './candidates.exception';
import { CandidateInput } from './dto/candidate.input';

interface StoredSkill {
  name: string;
  skillId: number | null;
  proficiency: number | null;
  years: number | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Candidate profiles are personal data owned by one organization: every statement here is scoped by
 * the caller's organization (and runs in a tenant transaction, so row-level security scopes it too),
 * and every read or change is written to the audit log (ids only).
 */
@Injectable()
export class CandidatesService {
  constructor(
    private readonly db: DataSource,
    private readonly taxonomy: SkillTaxonomyService,
    private readonly audit: AuditLogService,
  ) {}

  private async resolveSkills(input: CandidateInput['skills']): Promise<StoredSkill[]> {
    const taxonomy = await this.taxonomy.current();
    const seen = new Set<string>();
    const skills: StoredSkill[] = [];
    for (const s of input) {
      const id = taxonomy.idOf(s.name);
      const name = id !== undefined ? taxonomy.namesById.get(id)!.name : s.name.trim();
      if (seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      skills.push({ name, skillId: id ?? null, proficiency: s.proficiency ?? null, years: s.years ?? null });
    }
    return skills;
  }

  private annualUsd(input: CandidateInput): number | null {
    const e = input.salaryExpectation;
    if (!e) return null;
    const currency = e.currency.toUpperCase();
    const result = annualizeToUsd({ raw: null, min: e.amount, max: e.amount, currency, period: e.period, issues: [] }, new Date().getUTCFullYear());
    return result.annualUsdMin;
  }

  private values(input: CandidateInput, skills: StoredSkill[]): unknown[] {
    const e = input.salaryExpectation;
    return [
      input.externalRef ?? null, JSON.stringify(skills), input.yearsExperience ?? null, input.education ?? null, input.country?.toUpperCase() ?? null,
      input.city ?? null, input.remotePreference ?? null, input.desiredRoleFamilies ?? [], e?.amount ?? null, e?.currency.toUpperCase() ?? null,
      e?.period ?? null, this.annualUsd(input), input.gender ?? null, input.ageGroup ?? null,
    ];
  }

  async create(principal: Principal, input: CandidateInput): Promise<CandidateModel> {
    const skills = await this.resolveSkills(input.skills);
    const rows = await withTenant(this.db, principal.organizationId, (m) =>
      m.query(
        `INSERT INTO candidates (organization_id, external_ref, skills, years_experience, education, country, city, remote_preference,
           desired_role_families, salary_amount, salary_currency, salary_period, salary_annual_usd, gender, age_group)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING *`,
        [principal.organizationId, ...this.values(input, skills)],
      ),
    ).catch((error) => this.rethrowConflict(error, input));
    await this.audit.record(principal, 'CREATE', 'candidate', rows[0].id);
    return toCandidateModel(rows[0]);
  }

  async update(principal: Principal, id: string, input: CandidateInput): Promise<CandidateModel> {
    const skills = await this.resolveSkills(input.skills);
    const result = UUID.test(id)
      ? await withTenant(this.db, principal.organizationId, (m) =>
          m.query(
            `UPDATE candidates SET external_ref = $3, skills = $4, years_experience = $5, education = $6, country = $7, city = $8,
               remote_preference = $9, desired_role_families = $10, salary_amount = $11, salary_currency = $12, salary_period = $13,
               salary_annual_usd = $14, gender = $15, age_group = $16, updated_at = now()
             WHERE id = $1 AND organization_id = $2 RETURNING *`,
            [id, principal.organizationId, ...this.values(input, skills)],
          ),
        ).catch((error) => this.rethrowConflict(error, input))
      : [[], 0];
    const rows = result[0] as Record<string, unknown>[];
    if (!rows.length) throw new CandidateNotFoundException(id);
    await this.audit.record(principal, 'UPDATE', 'candidate', id);
    return toCandidateModel(rows[0]);
  }

  async find(principal: Principal, id: string): Promise<CandidateModel> {
    const rows = UUID.test(id)
      ? await withTenant(this.db, principal.organizationId, (m) => m.query(`SELECT * FROM candidates WHERE id = $1 AND organization_id = $2`, [id, principal.organizationId]))
      : [];
    if (!rows.length) throw new CandidateNotFoundException(id);
    await this.audit.record(principal, 'READ', 'candidate', id);
    return toCandidateModel(rows[0]);
  }

  async list(principal: Principal, first: number, after?: string): Promise<CandidateConnection> {
    const cursor = decodeCursor(after, ['timestamp', 'uuid']);
    const { count, rows } = await withTenant(this.db, principal.organizationId, async (m) => {
      const [{ count }] = await m.query(`SELECT count(*)::int AS count FROM candidates WHERE organization_id = $1`, [principal.organizationId]);
      const rows = await m.query(
        `SELECT *, created_at::text AS cursor_at FROM candidates WHERE organization_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
          ORDER BY created_at, id LIMIT $4`,
        [principal.organizationId, cursor?.[0] ?? null, cursor?.[1] ?? null, first + 1],
      );
      return { count: count as number, rows };
    });
    await this.audit.record(principal, 'LIST', 'candidate', rows.slice(0, first).map((r: { id: string }) => r.id));
    return toConnection(rows, first, count, (r: any) => encodeCursor([r.cursor_at, r.id]), toCandidateModel);
  }

  /** Right to erasure: the profile, its match results and its rows in stored report data go; the audit entry stays. */
  async erase(principal: Principal, id: string): Promise<boolean> {
    if (!UUID.test(id)) throw new CandidateNotFoundException(id);
    const erased = await withTenant(this.db, principal.organizationId, async (manager) => {
      const [rows] = await manager.query(`DELETE FROM candidates WHERE id = $1 AND organization_id = $2 RETURNING id`, [id, principal.organizationId]);
      if (!Array.isArray(rows) || rows.length === 0) return false; // TypeORM returns [rows, count] for DELETE
      // match_results cascade with the candidate; report data may embed candidate rows by id.
      await manager.query(
        `UPDATE reports SET data = jsonb_set(data, '{candidates}', coalesce((SELECT jsonb_agg(c) FROM jsonb_array_elements(data->'candidates') c WHERE c->>'id' <> $1), '[]'::jsonb))
          WHERE organization_id = $2 AND data ? 'candidates'`,
        [id, principal.organizationId],
      );
      return true;
    });
    if (!erased) throw new CandidateNotFoundException(id);
    await this.audit.record(principal, 'ERASE', 'candidate', id);
    return true;
  }

  private rethrowConflict(error: unknown, input: CandidateInput): never {
    if ((error as { code?: string }).code === '23505') {
      throw new CandidateConflictException(`a candidate with externalRef "${input.externalRef}" already exists in your organization`);
    }
    throw error;
  }
}

export function toCandidateModel(r: any): CandidateModel {
  const skills = (r.skills as StoredSkill[]).map((s) => ({ name: s.name, known: s.skillId !== null, proficiency: s.proficiency, years: s.years }));
  return {
    id: r.id,
    externalRef: r.external_ref,
    skills,
    unknownSkills: skills.filter((s) => !s.known).map((s) => s.name),
    yearsExperience: r.years_experience === null ? null : Number(r.years_experience),
    education: r.education,
    country: r.country,
    city: r.city,
    remotePreference: r.remote_preference,
    desiredRoleFamilies: r.desired_role_families,
    salaryExpectation:
      r.salary_amount === null
        ? null
        : { amount: Number(r.salary_amount), currency: r.salary_currency, period: r.salary_period as PayPeriod, annualUsd: r.salary_annual_usd === null ? null : Number(r.salary_annual_usd) },
    gender: r.gender,
    ageGroup: r.age_group,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
