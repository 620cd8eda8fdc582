import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SkillExtractor } from '../ingestion/normalizers/skill-extractor';

export interface LoadedTaxonomy {
  extractor: SkillExtractor;
  idsByName: ReadonlyMap<string, number>;
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
    const rows: Array<{ id: number; name: string; aliases: string[] | null }> = await this.dataSource.query(
      `SELECT s.id, s.name, array_remove(array_agg(a.alias ORDER BY a.alias), NULL) AS aliases
         FROM skills s LEFT JOIN skill_aliases a ON a.skill_id = s.id GROUP BY s.id ORDER BY s.id`,
    );
    return {
      extractor: new SkillExtractor(rows.map((r) => ({ name: r.name, aliases: r.aliases ?? [] }))),
      idsByName: new Map(rows.map((r) => [r.name, r.id])),
      loadedAt: Date.now(),
    };
  }
}
