import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SkillExtractor } from '../ingestion/normalizers/skill-extractor';

export interface LoadedTaxonomy {
  extractor: SkillExtractor;
  idsByName: ReadonlyMap<string, number>;
  namesById: ReadonlyMap<number, { name: string; category: string }>;
  /** Id of a skill by canonical name or alias, case-insensitive. */
  idOf(nameOrAlias: string): number | undefined;
  loadedAt: number;
}

const REFRESH_MS = 60_000;

/** The skill taxonomy as stored (seeded plus user additions), compiled into an extractor and cached briefly. */
@Injectable()
export class SkillTaxonomyService {
  private cached?: Promise<LoadedTaxonomy>;
  private loadedAt = 0;

  constructor(private readonly dataSource: DataSource) {}

  current(): Promise<LoadedTaxonomy> {
    if (!this.cached || Date.now() - this.loadedAt > REFRESH_MS) {
      this.loadedAt = Date.now();
      this.cached = this.load().catch((error) => {
        this.cached = undefined;
        throw error;
      });
    }
    return this.cached;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async load(): Promise<LoadedTaxonomy> {
    const rows: Array<{ id: number; name: string; category: string; aliases: string[] | null }> = await this.dataSource.query(
      `SELECT s.id, s.name, s.category, array_remove(array_agg(a.alias ORDER BY a.alias), NULL) AS aliases
         FROM skills s LEFT JOIN skill_aliases a ON a.skill_id = s.id GROUP BY s.id ORDER BY s.id`,
    );
    const byLowerName = new Map<string, number>();
    for (const r of rows) {
      byLowerName.set(r.name.toLowerCase(), r.id);
      for (const alias of r.aliases ?? []) if (!byLowerName.has(alias.toLowerCase())) byLowerName.set(alias.toLowerCase(), r.id);
    }
    const idsByName = new Map(rows.map((r) => [r.name, r.id]));
    return {
      extractor: new SkillExtractor(rows.map((r) => ({ name: r.name, aliases: r.aliases ?? [] }))),
      idsByName,
      namesById: new Map(rows.map((r) => [r.id, { name: r.name, category: r.category }])),
      idOf: (nameOrAlias) => byLowerName.get(nameOrAlias.trim().toLowerCase()),
      loadedAt: Date.now(),
    };
  }
}
