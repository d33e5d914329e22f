# The govgraph API. With NEO4J_URI set (docker-compose.yml does) it serves the
# Neo4j store, loading seed/ into an empty database first (npm start is
# `tsx src/cli/main.ts serve --seed-if-empty`).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    PORT=4000
COPY package.json package-lock.json ./
# tsx runs the TypeScript sources directly, so the dev dependencies are needed.
# --ignore-scripts: the `prepare` script builds the explorer page from src/,
# which is not copied yet; it is built below, once the sources are in.
RUN npm ci --include=dev --ignore-scripts --no-audit --no-fund
COPY tsconfig.json vite.config.ts ./
COPY src ./src
COPY cypher ./cypher
COPY schema ./schema
COPY seed ./seed
RUN npm run build:explorer
# Run unprivileged; ./data (the embedded store, used when NEO4J_URI is unset)
# must stay writable for that user.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
CMD ["npm", "start"]
