import fs from "fs";
import http from "http";
import type { AddressInfo } from "net";
import path from "path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** A static file server on 127.0.0.1 (random port) for a build folder; close() stops it. */
export async function serveFolder(root: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://localhost:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The file of the real office.js package for a CDN URL (…/lib/1/hosted/<path>), or null. */
export function officeJsFile(url: string): string | null {
  const m = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/([^?#]+)/.exec(url);
  if (!m) return null;
  const dist = path.resolve(__dirname, "..", "..", "node_modules", "@microsoft", "office-js", "dist");
  const file = path.resolve(dist, m[1]);
  return file.startsWith(dist) && fs.existsSync(file) ? file : null;
}
