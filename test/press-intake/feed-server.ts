// A local feed server for the intake's tests: each path answers what a test set, with the
// requests it got kept for the assertions (headers included: conditional requests, cookies).
import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Wait this long before answering (a slow feed). */
  delayMs?: number;
  /** Answer with a stream of this many bytes (an enormous feed). */
  streamBytes?: number;
  /** Answer this way instead, given the request's headers. */
  handle?: (headers: IncomingHttpHeaders) => Route;
}

export class FeedServer {
  private server = http.createServer((req, res) => this.answer(req, res));
  readonly routes = new Map<string, Route>();
  readonly requests: { path: string; headers: IncomingHttpHeaders }[] = [];
  base = "";

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  set(path: string, route: Route): string {
    this.routes.set(path, route);
    return this.url(path);
  }

  requestsTo(path: string) {
    return this.requests.filter((r) => r.path === path);
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = req.url ?? "/";
    this.requests.push({ path, headers: req.headers });
    let route = this.routes.get(path) ?? { status: 404, body: "not found" };
    if (route.handle) route = route.handle(req.headers);
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(route.status ?? 200, route.headers ?? { "content-type": "application/rss+xml; charset=utf-8" });
      if (route.streamBytes) {
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let left = route.streamBytes;
        const pump = () => {
          while (left > 0 && !res.destroyed) {
            left -= chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        res.on("error", () => {});
        pump();
        return;
      }
      res.end(route.body ?? "");
    };
    if (route.delayMs) setTimeout(send, route.delayMs);
    else send();
  }
}
