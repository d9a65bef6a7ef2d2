# syntax=docker/dockerfile:1.7
# Logbook's container image: one image for every role (LOGBOOK_ROLES=web|worker|…).
# Stages: dependencies → build (Next.js app + compiled server) → runtime with production
# dependencies only, the DejaVu fonts the PDF renderer embeds, a non-root user.

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Native addons are built with node-gyp where no prebuilt binary exists.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build \
 && npm prune --omit=dev --omit=optional --no-audit --no-fund \
 && rm -rf .next/cache

FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOST=0.0.0.0 \
    LOGBOOK_SEED=none
WORKDIR /app
# Checked on a bare directory laid out exactly like this (no Docker engine on the build
# machine): `node dist/server.mjs` serves pages, the API and /metrics on PostgreSQL, and
# `node dist/cli.mjs db migrate` migrates, with the production dependencies alone. Optional
# packages are pruned too (sharp, for next/image, which Logbook does not use; optional peers
# such as vitest): 632 MiB of node_modules instead of 840 MiB.
# What the compiled server needs at run time, and nothing else: the production
# dependencies, the Next.js build, the compiled server and CLI, the migrations, and
# next.config.ts with the one module it imports (Next.js reads the config at start).
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/.next ./.next
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/db/migrations ./db/migrations
COPY --from=build --chown=node:node /app/next.config.ts ./next.config.ts
COPY --from=build --chown=node:node /app/lib/auth/security-headers.ts ./lib/auth/security-headers.ts
# The official Node image's unprivileged user (uid 1000), which the manifests also name.
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# tini reaps zombies and forwards SIGTERM, so the server drains before it exits.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/server.mjs"]
