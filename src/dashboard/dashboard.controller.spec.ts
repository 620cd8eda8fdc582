import { join, resolve } from 'node:path';
import { dashboardRoot } from './dashboard.controller';

describe('dashboardRoot', () => {
  const root = resolve(__dirname, '../..');

  it('finds dist/web from the TypeScript sources (ts-node, jest) and from the compiled output (node dist/src/main.js)', () => {
    expect(dashboardRoot(join(root, 'src/dashboard'))).toBe(join(root, 'dist/web'));
    expect(dashboardRoot(join(root, 'dist/src/dashboard'))).toBe(join(root, 'dist/web'));
  });
});
