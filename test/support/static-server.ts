/**
 * A static file server for the browser tests that behaves like GitHub Pages and most static hosts:
 * "/x/" serves x/index.html, "/x" redirects to "/x/" when x is a folder, a missing path gets
 * 404.html with status 404. Used instead of `astro preview`, which allows one server per project.
 * Usage: node test/support/static-server.ts <folder> <port>
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.zip': 'application/zip',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Starts the server; resolves once it listens. */
export function serveStatic(folder: string, port: number, host = '127.0.0.1') {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(folder, path));
    if (!file.startsWith(folder)) {
      response.writeHead(403).end();
      return;
    }
    let target = file;
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { location: `${path}/` }).end();
        return;
      }
      target = join(file, 'index.html');
    }
    if (!existsSync(target) || statSync(target).isDirectory()) {
      const notFound = join(folder, '404.html');
      response.writeHead(404, { 'content-type': TYPES['.html']! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream' });
    createReadStream(target).pipe(response);
  });
  return new Promise<typeof server>((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.main) {
  const [folder = 'dist', port = '4322'] = process.argv.slice(2);
  const absolute = resolve(folder);
  await serveStatic(absolute, Number(port));
  console.log(`Serving ${absolute} at http://127.0.0.1:${port}/`);
}
