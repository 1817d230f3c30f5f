// Starts the whole platform on one port: the site, /xapi/ (the LRS) and /api/.
import { serve } from "@hono/node-server";
import { type Config, readConfig } from "./config.ts";
import { openPlatform, type Platform } from "./platform/open.ts";

export interface RunningServer {
  url: string;
  platform: Platform;
  close(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const platform = await openPlatform(config);
  return new Promise((resolve) => {
    const server = serve(
      { fetch: platform.app.fetch, port: config.PORT, hostname: config.HOST },
      (info) => {
        const host = config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
        resolve({
          url: `http://${host}:${info.port}`,
          platform,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => void platform.close().then(done));
            }),
        });
      },
    );
  });
}

if (import.meta.main) {
  const server = await startServer(readConfig());
  console.log(`Adal is running at ${server.url} (${server.platform.db.describe})`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void server.close().then(() => process.exit(0)));
  }
}
