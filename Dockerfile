# The govgraph API. With NEO4J_URI set (docker-compose.yml does) it serves the
# Neo4j store, loading seed/ into an empty database first; without it, the
# embedded store in /app/data (a volume keeps it).
#
# Build stage: the explorer page is bundled by Vite, a dev dependency.
FROM node:22-bookworm-slim AS explorer
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build the explorer before its sources are here.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY explorer ./explorer
COPY src ./src
RUN npm run build:explorer

# Run stage: production dependencies only (tsx among them: the server runs its
# TypeScript sources, as `npm start` does), and the built explorer.
FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    GOVGRAPH_DATA=/app/data
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
COPY cypher ./cypher
COPY schema ./schema
COPY seed ./seed
COPY --from=explorer /app/dist/explorer ./dist/explorer
# Run unprivileged; the data directory must stay writable for that user.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
# Ready means the store answers, not merely that the port is open.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The server is the container's first process: no npm or shell in between, so
# `docker stop` (SIGTERM) reaches it and it finishes its requests before exiting.
CMD ["node", "--import", "tsx", "src/cli/main.ts", "serve", "--seed-if-empty"]
