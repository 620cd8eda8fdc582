import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Public } from '../auth/auth.decorators';

/** Vite's output folder name for hashed bundles (web/vite.config.ts `assetsDir`). */
export const DASHBOARD_ASSETS_PATH = 'dashboard-assets';
const ASSET_NAME = /^[A-Za-z0-9._-]+\.(js|css|svg|png|woff2?)$/;

/**
 * The page itself needs no key: it only loads static code, which asks for the key and sends it
 * with every GraphQL call. Inline styles are allowed because ECharts positions its tooltip with them.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** dist/web under the project root, found from this file both in src/ (ts-node, jest) and dist/src/ (node). */
export function dashboardRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return join(from, 'web');
    dir = parent;
  }
  return join(dir, 'dist', 'web');
}

@Public()
@Controller()
export class DashboardController {
  private readonly root = dashboardRoot();

  @Get()
  index(@Res() res: Response): void {
    const page = join(this.root, 'index.html');
    res.set(SECURITY_HEADERS).setHeader('Cache-Control', 'no-cache');
    if (!existsSync(page)) {
      res.status(503).type('text').send('The dashboard is not built yet: run `npm run build` (or `npm run build:web`).\n');
      return;
    }
    res.sendFile(page);
  }

  @Get(`${DASHBOARD_ASSETS_PATH}/:file`)
  asset(@Param('file') file: string, @Res() res: Response): void {
    const path = join(this.root, DASHBOARD_ASSETS_PATH, file);
    if (!ASSET_NAME.test(file) || !existsSync(path)) throw new NotFoundException();
    // File names carry a content hash, so they never change.
    res.set(SECURITY_HEADERS).setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.sendFile(path);
  }
}
