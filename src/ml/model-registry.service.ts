import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface StoredModel {
  id: number;
  kind: string;
  version: number;
  architecture: string;
  backend: string;
  hyperparameters: Record<string, unknown>;
  metrics: Record<string, unknown>;
  topology: unknown;
  weights: Buffer | null;
  trainingFrom: string | null;
  trainingTo: string | null;
  status: string;
  createdAt: Date;
  promotedAt: Date | null;
}

export interface NewModel {
  kind: string;
  architecture: string;
  backend: string;
  hyperparameters: Record<string, unknown>;
  metrics: Record<string, unknown>;
  topology?: unknown;
  weights?: Buffer | null;
  trainingFrom?: string | null;
  trainingTo?: string | null;
  /** Promoted models serve; others stay in the registry with their metrics, for the record. */
  promote: boolean;
}

const COLUMNS = `id, kind, version, architecture, backend, hyperparameters, metrics, topology, training_from::text, training_to::text, status, created_at, promoted_at`;

/** Versioned models in Postgres (topology + weights as bytea), so every worker loads the same one. */
@Injectable()
export class ModelRegistryService {
  constructor(private readonly db: DataSource) {}

  async store(model: NewModel, manager: EntityManager = this.db.manager): Promise<StoredModel> {
    return manager.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('ml_models:' || $1))`, [model.kind]);
      const [{ next }] = await m.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM ml_models WHERE kind = $1`, [model.kind]);
      const [row] = await m.query(
        `INSERT INTO ml_models (kind, version, architecture, backend, hyperparameters, metrics, topology, weights, training_from, training_to, status, promoted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $12 THEN now() END) RETURNING ${COLUMNS}`,
        [
          model.kind, next, model.architecture, model.backend, JSON.stringify(model.hyperparameters), JSON.stringify(model.metrics),
          model.topology === undefined ? null : JSON.stringify(model.topology), model.weights ?? null, model.trainingFrom ?? null, model.trainingTo ?? null,
          model.promote ? 'PROMOTED' : 'NOT_PROMOTED', model.promote,
        ],
      );
      return toStoredModel(row);
    });
  }

  async promoted(kind: string, withWeights = false): Promise<StoredModel | null> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS}${withWeights ? ', weights' : ''} FROM ml_models WHERE kind = $1 AND promoted_at IS NOT NULL ORDER BY promoted_at DESC, version DESC LIMIT 1`,
      [kind],
    );
    return rows.length ? toStoredModel(rows[0]) : null;
  }

  async latest(kind: string): Promise<StoredModel | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM ml_models WHERE kind = $1 ORDER BY version DESC LIMIT 1`, [kind]);
    return rows.length ? toStoredModel(rows[0]) : null;
  }

  async load(id: number): Promise<StoredModel | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS}, weights FROM ml_models WHERE id = $1`, [id]);
    return rows.length ? toStoredModel(rows[0]) : null;
  }

  async list(kind: string | undefined, first: number, beforeId?: number): Promise<{ rows: StoredModel[]; total: number }> {
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM ml_models WHERE ($1::text IS NULL OR kind = $1)`, [kind ?? null]);
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM ml_models WHERE ($1::text IS NULL OR kind = $1) AND ($2::int IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [kind ?? null, beforeId ?? null, first + 1],
    );
    return { rows: rows.map(toStoredModel), total };
  }
}

function toStoredModel(r: any): StoredModel {
  return {
    id: r.id,
    kind: r.kind,
    version: r.version,
    architecture: r.architecture,
    backend: r.backend,
    hyperparameters: r.hyperparameters,
    metrics: r.metrics,
    topology: r.topology,
    weights: r.weights ?? null,
    trainingFrom: r.training_from,
    trainingTo: r.training_to,
    status: r.status,
    createdAt: r.created_at,
    promotedAt: r.promoted_at,
  };
}
