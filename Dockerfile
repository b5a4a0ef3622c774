# syntax=docker/dockerfile:1
#
# The aws-qa server: Slack (HTTP mode or Socket Mode), Teams and GET /healthz on one port.
#   docker build -t aws-qa .
#   docker run -p 3978:3978 --env-file .env aws-qa        # every variable: docs/deploy.md
# Knowledge: baked in at /app/knowledge; mount a directory over it to change it without a rebuild
# (the server reloads on file changes and on SIGHUP).

ARG NODE_IMAGE=node:20-slim

# ---- build: all dependencies, compile TypeScript and the playground bundle, then drop dev deps ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependencies first, cached while the manifests are unchanged. --ignore-scripts: the package's
# own `prepare` would build before the sources are copied; the build runs explicitly below.
COPY package.json package-lock.json ./
# better-sqlite3 (the default store) is a native addon: build tools for its install script, which
# --ignore-scripts skipped (this stage is thrown away; the runtime gets only the built binary).
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf dist/bench

# ---- runtime: built JavaScript and production dependencies only, as the unprivileged `node` user ----
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    PORT=3978
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY knowledge ./knowledge
# The node flags (V8 heap settings) `npm start` uses too: one file, read by both (docs/deploy.md, "Memory and V8 flags").
COPY adapters/server/node-flags ./node-flags
# The SQLite store (one replica). Mount a volume here to keep questions and votes across containers;
# with several replicas set DATABASE_URL instead (docs/deploy.md, compose.yaml).
ENV DATA_DIR=/app/data
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME /app/data
USER node
EXPOSE 3978
# node, not curl (not in -slim): 200 from /healthz once the knowledge base is loaded, else unhealthy.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "require('http').get('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz',r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1)).setTimeout(2500,()=>process.exit(1))"]
# `exec`: node replaces the shell and is PID 1, so it gets SIGTERM itself (graceful shutdown, exit 0 within 10 s).
CMD ["sh", "-c", "exec node $(cat node-flags) dist/adapters/server/main.js"]
