import { AppConfig } from '../src/config/app-config';

/** Reference data (idempotent upserts) and, on an empty database, a sample dataset. */
export async function seedOnStart(_config: AppConfig): Promise<void> {
  // filled in by the reference seeder
}
