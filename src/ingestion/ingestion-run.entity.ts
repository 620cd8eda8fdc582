import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { IngestionFormat, IngestionKind, IngestionStatus } from './ingestion.enums';

const bigintAsNumber = { to: (v?: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity({ name: 'ingestion_runs' })
export class IngestionRunEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'organization_id', type: 'uuid', nullable: true }) organizationId: string | null;
  @Column({ type: 'text' }) kind: IngestionKind;
  @Column({ type: 'text' }) format: IngestionFormat;
  @Column({ type: 'text', nullable: true }) preset: string | null;
  @Column({ type: 'jsonb', nullable: true }) mapping: unknown;
  @Column({ name: 'source_name', type: 'text', nullable: true }) sourceName: string | null;
  @Column({ name: 'file_path', type: 'text', nullable: true }) filePath: string | null;
  @Column({ name: 'file_hash', type: 'text', nullable: true }) fileHash: string | null;
  @Column({ name: 'file_size', type: 'bigint', nullable: true, transformer: bigintAsNumber }) fileSize: number | null;
  @Column({ type: 'text' }) status: IngestionStatus;
  @Column({ name: 'rows_read', type: 'int' }) rowsRead: number;
  @Column({ name: 'bytes_read', type: 'bigint', transformer: bigintAsNumber }) bytesRead: number;
  @Column({ type: 'int' }) accepted: number;
  @Column({ type: 'int' }) duplicates: number;
  @Column({ type: 'int' }) rejected: number;
  @Column({ type: 'int' }) warnings: number;
  @Column({ name: 'committed_line', type: 'int' }) committedLine: number;
  @Column({ type: 'jsonb' }) timings: Record<string, number>;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ name: 'job_id', type: 'text', nullable: true }) jobId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}

@Entity({ name: 'ingestion_errors' })
export class IngestionErrorEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'run_id', type: 'uuid' }) runId: string;
  @Column({ type: 'int', nullable: true }) line: number | null;
  @Column({ type: 'text', nullable: true }) pointer: string | null;
  @Column({ type: 'text', nullable: true }) field: string | null;
  @Column({ type: 'text', nullable: true }) value: string | null;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) message: string;
  @Column({ type: 'text' }) severity: string;
}
