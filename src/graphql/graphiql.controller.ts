import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'application/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'application/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'application/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** Package "exports" hide these UMD files from require.resolve, so locate the package folder instead. */
function packageFile(pkg: string, file: string): string {
  let dir = dirname(require.resolve(pkg));
  while (!existsSync(join(dir, 'package.json')) || basename(dir) !== pkg) {
    const parent = dirname(dir);
    if (parent === dir) throw new NotFoundException();
    dir = parent;
  }
  return join(dir, file);
}

/**
 * GraphiQL served from our own node_modules, because Apollo's default landing page loads from a CDN
 * and fails offline. A browser's GET /graphql gets the IDE; GraphQL requests pass through to Apollo.
 */
export function graphiqlMiddleware(req: Request, res: Response, next: NextFunction): void {
  const wantsPage = req.method === 'GET' && req.query.query === undefined && (req.headers.accept ?? '').includes('text/html');
  if (!wantsPage) return next();
  res.type('html').send(GRAPHIQL_HTML);
}

@Public()
@Controller()
export class GraphiqlController {
  @Get('graphiql-assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const asset = ASSETS[file];
    if (!asset) throw new NotFoundException();
    res.type(asset.type).setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(packageFile(asset.pkg, asset.file));
  }
}

const GRAPHIQL_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Hirescope GraphQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <link rel="stylesheet" href="/graphiql-assets/graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql-assets/react.js"></script>
  <script src="/graphiql-assets/react-dom.js"></script>
  <script src="/graphiql-assets/graphiql.js"></script>
  <script>
    const headers = {};
    let key = sessionStorage.getItem('hirescope-api-key');
    if (!key) {
      key = window.prompt('Hirescope API key (npm start writes one to .data/admin-api-key). Kept for this tab only.') || '';
      if (key) sessionStorage.setItem('hirescope-api-key', key.trim());
    }
    if (key) headers.Authorization = 'Bearer ' + key.trim();
    const fetcher = GraphiQL.createFetcher({ url: '/graphql', headers });
    const defaultQuery = '# Welcome to Hirescope. Try:\\n{\\n  health { status version database redis tfBackend queues { queue waiting active failed } }\\n}\\n';
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true }),
    );
  </script>
</body>
</html>`;
